package dev.certloom.api.service;

import dev.certloom.api.plugin.CertificateFiles;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate lineage: a name under {@code live/} whose files are replaced by each
 * renewal, and the renewal configuration that produces them.
 *
 * @param name      the lineage name, the folder under {@code live/}
 * @param domains   the names the current certificate covers, subject first
 * @param notBefore when the current certificate became valid
 * @param notAfter  when the current certificate expires
 * @param serial    the current certificate's serial number, in hexadecimal
 * @param keyType   {@code ECDSA} or {@code RSA}
 * @param files     the stable paths of the current files
 * @param server    the ACME directory URL the lineage renews against
 */
public record Lineage(String name, List<String> domains, Instant notBefore, Instant notAfter,
        String serial, String keyType, CertificateFiles files, String server) {

    public Lineage {
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(files, "files");
    }
}
