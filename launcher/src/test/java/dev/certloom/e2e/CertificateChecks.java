package dev.certloom.e2e;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Questions the tests ask about issued certificates, answered with the JDK's own checks. */
final class CertificateChecks {

    private static final int GENERAL_NAME_DNS = 2;

    private CertificateChecks() {
    }

    /** Returns the DNS names in the certificate's subject alternative names, in order. */
    static List<String> dnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            List<String> dns = new ArrayList<>();
            if (names != null) {
                for (List<?> name : names) {
                    if (((Integer) name.get(0)) == GENERAL_NAME_DNS) {
                        dns.add((String) name.get(1));
                    }
                }
            }
            return dns;
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("Unreadable subject alternative names", e);
        }
    }

    /**
     * Returns whether {@code key} is the private half of the certificate's public key: a
     * signature made with it verifies with the certificate.
     */
    static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = new byte[32];
        new SecureRandom().nextBytes(data);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException mismatch) {
            // A key of another type or curve than the certificate's cannot match it.
            return false;
        }
    }

    /**
     * Validates {@code chain} (end entity first) up to {@code root} with PKIX, revocation
     * checks off (Pebble runs no OCSP responder).
     *
     * @throws GeneralSecurityException saying why the chain does not validate
     */
    static void validate(List<X509Certificate> chain, X509Certificate root)
            throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }
}
