package dev.certloom.core.impl.storage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * PEM text (RFC 7468) as certbot and OpenSSL write it: the label lines, the DER in base64
 * with 64 characters a line, and {@code \n} line ends. Stateless and thread-safe.
 */
final class PemEncoding {

    private static final Base64.Encoder BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemEncoding() {
    }

    /** Returns one certificate as a {@code CERTIFICATE} block. */
    static String certificate(X509Certificate certificate) throws CertificateEncodingException {
        return block("CERTIFICATE", certificate.getEncoded());
    }

    /** Returns certificates, one block after the other, in the order given. */
    static String certificates(List<X509Certificate> certificates)
            throws CertificateEncodingException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append(certificate(certificate));
        }
        return text.toString();
    }

    /**
     * Returns a private key in PKCS#8 ({@code PRIVATE KEY}, RFC 5208), the form certbot
     * writes for ECDSA keys and every TLS server reads.
     *
     * @throws IllegalArgumentException when the key cannot be exported
     */
    static String privateKey(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("the private key cannot be exported in PKCS#8");
        }
        return block("PRIVATE KEY", der);
    }

    /** Returns a public key as a {@code PUBLIC KEY} block (SubjectPublicKeyInfo). */
    static String publicKey(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    /**
     * Reads every certificate of a PEM text, in order.
     *
     * @throws CertificateException when the text holds no certificate or a broken one
     */
    static List<X509Certificate> readCertificates(byte[] pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = factory
                .generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(X509Certificate.class::cast).toList();
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return certificates;
    }

    private static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
