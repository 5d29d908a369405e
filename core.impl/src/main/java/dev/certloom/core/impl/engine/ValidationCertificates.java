package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the self-signed certificate a plugin presents for TLS-ALPN-01 (RFC 8737 section
 * 3), with a fresh P-256 key. Written here rather than taken from acme4j 4.0.0, whose
 * builder signs with SHA256withRSA whatever the key, so that it fails for an EC key.
 * Stateless and thread-safe.
 */
final class ValidationCertificates {

    /** id-pe-acmeIdentifier (RFC 8737 section 6.1). */
    static final ASN1ObjectIdentifier ACME_IDENTIFIER =
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");

    // Long enough for any validation and a skewed clock; the CA does not check it.
    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ValidationCertificates() {
    }

    /**
     * Builds the challenge value of one name.
     *
     * @param identifier     the DNS name being validated, ASCII
     * @param acmeValidation the SHA-256 digest of the key authorization, 32 bytes
     * @return the certificate and its key
     * @throws CertloomException when the key or the certificate cannot be made
     */
    static TlsAlpn01Challenge challenge(Identifier identifier, byte[] acmeValidation)
            throws CertloomException {
        KeyPair key = Keys.accountKey();
        Instant now = Instant.now();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, identifier.value()).build();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject,
                key.getPublic());
        try {
            // RFC 8737 section 3: the SAN holds exactly the name being validated, and the
            // critical acmeIdentifier extension the digest as a DER OCTET STRING.
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName(GeneralName.dNSName, identifier.value())));
            builder.addExtension(ACME_IDENTIFIER, true, new DEROctetString(acmeValidation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                            .build(key.getPrivate())));
            return new TlsAlpn01Challenge(identifier, certificate, key.getPrivate());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new CertloomException("Could not build the TLS-ALPN-01 validation"
                    + " certificate for " + identifier + ": " + e.getMessage() + ".", e);
        }
    }
}
