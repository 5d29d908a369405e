package dev.certloom.api.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The stable paths of a lineage's current files, the links under {@code live/NAME/}. They
 * stay the same across renewals, so a server configured with them needs only a reload.
 *
 * @param certificate the leaf certificate ({@code cert.pem})
 * @param chain       the intermediates ({@code chain.pem})
 * @param fullChain   the leaf followed by the intermediates ({@code fullchain.pem})
 * @param privateKey  the private key ({@code privkey.pem}), mode 0600
 */
public record CertificateFiles(Path certificate, Path chain, Path fullChain,
        Path privateKey) {

    public CertificateFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(fullChain, "fullChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
