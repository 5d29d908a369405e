package dev.certloom.core.impl.storage;

import dev.certloom.core.impl.storage.LineageStore.IssuedCertificate;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and certificate chains made on the spot for tests: a CA and leaves it signs. */
final class TestPki {

    static final Instant NOT_BEFORE =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
    static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(90));

    private final KeyPair caKey = ecKey();
    private final X509Certificate caCertificate;

    TestPki() {
        caCertificate = sign(new JcaX509v3CertificateBuilder(new X500Name("CN=Test CA"),
                BigInteger.ONE, Date.from(NOT_BEFORE.minus(Duration.ofDays(1))),
                Date.from(NOT_AFTER.plus(Duration.ofDays(365))), new X500Name("CN=Test CA"),
                caKey.getPublic()), true, List.of());
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a chain (leaf, CA) for the names; the first name is the subject CN. */
    IssuedCertificate issue(KeyPair leafKey, BigInteger serial, String... names) {
        X509Certificate leaf = sign(new JcaX509v3CertificateBuilder(
                new X500Name("CN=Test CA"), serial, Date.from(NOT_BEFORE),
                Date.from(NOT_AFTER), new X500Name("CN=" + names[0]), leafKey.getPublic()),
                false, List.of(names));
        return new IssuedCertificate(List.of(leaf, caCertificate), leafKey.getPrivate());
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, boolean ca,
            List<String> dnsNames) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (!dnsNames.isEmpty()) {
                GeneralName[] san = dnsNames.stream()
                        .map(name -> new GeneralName(GeneralName.dNSName, name))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(san));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
