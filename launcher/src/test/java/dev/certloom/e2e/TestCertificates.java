package dev.certloom.e2e;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA and a server certificate it signed for {@code 127.0.0.1} and
 * {@code localhost}, for Pebble's own HTTPS listeners. The client trusts the CA through
 * {@code CERTLOOM_CA_BUNDLE}; nothing here is related to the certificates Pebble issues.
 *
 * @param caFile          PEM file of the CA certificate
 * @param certificateFile PEM file of the server certificate
 * @param keyFile         PEM file (PKCS#8) of the server's private key
 * @param ca              the CA certificate
 * @param server          the server certificate
 */
record TestCertificates(Path caFile, Path certificateFile, Path keyFile, X509Certificate ca,
        X509Certificate server) {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(2);

    /**
     * Makes the CA and the server certificate and writes {@code test-ca.pem},
     * {@code pebble-cert.pem} and {@code pebble-key.pem} into {@code directory}.
     *
     * @throws IllegalStateException when the JDK cannot make P-256 keys or sign
     */
    static TestCertificates create(Path directory) {
        try {
            Instant now = Instant.now();
            KeyPair caKeys = newKeyPair();
            X500Name caName = new X500Name("CN=Certloom test CA "
                    + Long.toHexString(now.toEpochMilli()));
            X509Certificate ca = sign(builder(caName, caName, caKeys.getPublic(), now)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKeys);

            KeyPair serverKeys = newKeyPair();
            X509Certificate server = sign(serverBuilder(ca, serverKeys.getPublic(), now), caKeys);

            TestCertificates files = new TestCertificates(directory.resolve("test-ca.pem"),
                    directory.resolve("pebble-cert.pem"), directory.resolve("pebble-key.pem"),
                    ca, server);
            PemFiles.writeCertificates(files.caFile(), List.of(ca));
            PemFiles.writeCertificates(files.certificateFile(), List.of(server));
            PemFiles.writePrivateKey(files.keyFile(), serverKeys.getPrivate());
            return files;
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("Cannot make the test certificates", e);
        }
    }

    private static X509v3CertificateBuilder serverBuilder(X509Certificate ca, PublicKey key,
            Instant now) throws GeneralSecurityException, CertIOException {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")});
        return builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=localhost"), key, now)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, names)
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject,
            PublicKey key, Instant now) throws GeneralSecurityException, CertIOException {
        BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
        // Back-date a little: clocks of helper processes may lag a second behind.
        Date notBefore = Date.from(now.minus(Duration.ofHours(1)));
        Date notAfter = Date.from(now.plus(VALIDITY));
        return new JcaX509v3CertificateBuilder(issuer, serial, notBefore, notAfter, subject, key)
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE)
                        .build(issuerKeys.getPrivate())));
    }
}
