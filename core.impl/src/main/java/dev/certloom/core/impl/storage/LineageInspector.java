package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import dev.certloom.api.plugin.CertificateFiles;
import dev.certloom.api.service.Lineage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Turns a renewal configuration and the certificate its links lead to into a
 * {@link Lineage}, checking what certbot checks before it trusts a lineage: the four file
 * references are there, each is a symbolic link, and each link leads to a file. Stateless
 * and thread-safe.
 */
final class LineageInspector {

    /** The SAN type of a DNS name (RFC 5280 section 4.2.1.6). */
    private static final int SAN_DNS = 2;

    private LineageInspector() {
    }

    /**
     * Reads one lineage from its renewal configuration.
     *
     * @param name the lineage name, the file name without {@code .conf}
     * @param conf the renewal configuration file
     * @return the lineage
     * @throws StorageException when the lineage is broken; the message says how
     */
    static Lineage inspect(String name, Path conf) throws StorageException {
        RenewalConfiguration configuration = RenewalConfiguration.read(conf);
        Map<String, Path> links = new LinkedHashMap<>();
        for (String key : List.of(RenewalConfiguration.KEY_CERT, RenewalConfiguration.KEY_CHAIN,
                RenewalConfiguration.KEY_FULLCHAIN, RenewalConfiguration.KEY_PRIVKEY)) {
            String value = configuration.get(key).orElseThrow(() -> new StorageException(
                    "The renewal configuration " + conf + " has no " + key + " entry."));
            links.put(key, checkedLink(value));
        }
        X509Certificate leaf = readLeaf(links.get(RenewalConfiguration.KEY_CERT));
        CertificateFiles files = new CertificateFiles(links.get(RenewalConfiguration.KEY_CERT),
                links.get(RenewalConfiguration.KEY_CHAIN),
                links.get(RenewalConfiguration.KEY_FULLCHAIN),
                links.get(RenewalConfiguration.KEY_PRIVKEY));
        return describe(name, leaf, files, configuration.param("server").orElse(null));
    }

    /**
     * Describes a lineage whose current leaf certificate is known.
     *
     * @throws StorageException when the certificate's names cannot be read
     */
    static Lineage describe(String name, X509Certificate leaf, CertificateFiles files,
            String server) throws StorageException {
        return new Lineage(name, names(leaf), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), leaf.getSerialNumber().toString(16),
                keyType(leaf), files, server);
    }

    /**
     * Returns the names as certbot lists them: the subject's common name first, then the
     * DNS names of the subject alternative names without repeating it.
     */
    static List<String> names(X509Certificate certificate) throws StorageException {
        List<String> names = new ArrayList<>();
        X500Name subject = X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded());
        RDN[] commonNames = subject.getRDNs(BCStyle.CN);
        if (commonNames.length > 0) {
            names.add(IETFUtils.valueToString(commonNames[0].getFirst().getValue()));
        }
        for (String dnsName : dnsNames(certificate)) {
            if (!names.contains(dnsName)) {
                names.add(dnsName);
            }
        }
        return names;
    }

    /** Returns {@code ECDSA} or {@code RSA} as certbot names them, else the JCA name. */
    static String keyType(X509Certificate certificate) {
        String algorithm = certificate.getPublicKey().getAlgorithm();
        return "EC".equals(algorithm) ? "ECDSA" : algorithm;
    }

    private static List<String> dnsNames(X509Certificate certificate) throws StorageException {
        Collection<List<?>> alternatives;
        try {
            alternatives = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new StorageException("The certificate " + certificate.getSubjectX500Principal()
                    + " has an unreadable subject alternative name extension.", e);
        }
        if (alternatives == null) {
            return List.of();
        }
        return alternatives.stream()
                .filter(entry -> entry.get(0) instanceof Integer type && type == SAN_DNS)
                .map(entry -> (String) entry.get(1))
                .toList();
    }

    private static Path checkedLink(String value) throws StorageException {
        Path link;
        try {
            link = Path.of(value);
        } catch (InvalidPathException e) {
            throw new StorageException("The path " + value + " is not a valid file name.", e);
        }
        if (!Files.isSymbolicLink(link)) {
            throw new StorageException("The file " + link + " should be a symbolic link into "
                    + "the archive folder but is not.");
        }
        if (!Files.exists(link)) {
            throw new StorageException("The link " + link + " leads to a file that does not "
                    + "exist.");
        }
        return link;
    }

    private static X509Certificate readLeaf(Path certLink) throws StorageException {
        try {
            return PemEncoding.readCertificates(Files.readAllBytes(certLink)).get(0);
        } catch (IOException | CertificateException e) {
            throw new StorageException("The certificate " + certLink + " cannot be read ("
                    + e.getMessage() + ").", e);
        }
    }
}
