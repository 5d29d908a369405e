package dev.certloom.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Reads and writes the PEM files that ACME clients and servers exchange. */
final class PemFiles {

    private PemFiles() {
    }

    /**
     * Returns the certificates in a PEM text, in file order.
     *
     * @throws IllegalArgumentException when the text holds something that is not a
     *                                  certificate
     */
    static List<X509Certificate> parseCertificates(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not a PEM certificate list: " + e.getMessage(), e);
        }
    }

    /** Returns the certificates in a PEM file, in file order. */
    static List<X509Certificate> readCertificates(Path file) {
        return parseCertificates(read(file));
    }

    /**
     * Returns the private key in a PEM file, in any of the usual encodings (PKCS#8,
     * SEC 1 "EC PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY").
     *
     * @throws IllegalArgumentException when the file holds no private key
     */
    static PrivateKey readPrivateKey(Path file) {
        try (PEMParser parser = new PEMParser(new StringReader(read(file)))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalArgumentException(file + " holds no private key but "
                    + (object == null ? "nothing" : object.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    /** Writes certificates as PEM into {@code file}, replacing it. */
    static void writeCertificates(Path file, List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode certificates for " + file, e);
        }
        write(file, text.toString());
    }

    /** Writes a private key as PKCS#8 PEM into {@code file}, replacing it. */
    static void writePrivateKey(Path file, PrivateKey key) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the private key for " + file, e);
        }
        write(file, text.toString());
    }

    /** Returns a text file's content, failing the test with the path when it is unreadable. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
