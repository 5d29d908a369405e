package dev.certloom.plugin.standalone;

import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds TLS-ALPN-01 challenges with self-signed certificates shaped as RFC 8737 says. */
final class ValidationCertificates {

    private static final ASN1ObjectIdentifier ACME_IDENTIFIER =
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");

    private ValidationCertificates() {
    }

    /** Returns a challenge for a name with a fresh P-256 key. */
    static TlsAlpn01Challenge challenge(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                    BigInteger.ONE, Date.from(now.minus(Duration.ofMinutes(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + name),
                    keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
            builder.addExtension(ACME_IDENTIFIER, true, new DEROctetString(new byte[32]));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                            .build(keys.getPrivate())));
            return new TlsAlpn01Challenge(Identifier.dns(name), certificate,
                    keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build a test certificate for " + name, e);
        }
    }
}
