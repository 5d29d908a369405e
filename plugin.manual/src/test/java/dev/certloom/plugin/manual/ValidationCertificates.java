package dev.certloom.plugin.manual;

import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds TLS-ALPN-01 challenges with RFC 8737 certificates, for tests. */
final class ValidationCertificates {

    private ValidationCertificates() {
    }

    /**
     * Returns a challenge whose certificate carries the SHA-256 digest of
     * {@code keyAuthorization} in its critical acmeIdentifier extension.
     */
    static TlsAlpn01Challenge challenge(String name, String keyAuthorization)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII));
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.ONE, Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)),
                subject, pair.getPublic());
        builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31"), true,
                new DEROctetString(digest));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build(pair.getPrivate())));
        return new TlsAlpn01Challenge(Identifier.dns(name), certificate, pair.getPrivate());
    }
}
