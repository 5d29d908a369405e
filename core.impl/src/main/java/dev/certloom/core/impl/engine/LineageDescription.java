package dev.certloom.core.impl.engine;

import dev.certloom.api.plugin.CertificateFiles;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.storage.Workspace;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/** Describes a certificate that a dry run obtained and did not store. */
final class LineageDescription {

    private static final int DNS_NAME = 2;

    private LineageDescription() {
    }

    /**
     * Returns the lineage the certificate would have become; its files do not exist.
     *
     * @param workspace where it would have been stored
     * @param name      the lineage name it would have had
     * @param chain     the issued chain, leaf first
     * @param server    the CA's directory URL
     */
    static Lineage unsaved(Workspace workspace, String name, List<X509Certificate> chain,
            URI server) {
        X509Certificate leaf = chain.get(0);
        Path live = workspace.live(name);
        CertificateFiles files = new CertificateFiles(live.resolve("cert.pem"),
                live.resolve("chain.pem"), live.resolve("fullchain.pem"),
                live.resolve("privkey.pem"));
        return new Lineage(name, names(leaf), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), leaf.getSerialNumber().toString(16),
                leaf.getPublicKey() instanceof RSAPublicKey ? "RSA" : "ECDSA", files,
                server.toString());
    }

    private static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                for (List<?> entry : leaf.getSubjectAlternativeNames()) {
                    if (((Integer) entry.get(0)) == DNS_NAME) {
                        names.add((String) entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A leaf the CA issued always parses; an unreadable one lists no names.
            return names;
        }
        return names;
    }
}
