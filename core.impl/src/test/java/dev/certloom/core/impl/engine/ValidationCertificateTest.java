package dev.certloom.core.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * What the core hands a plugin for TLS-ALPN-01, checked against RFC 8737 section 3 with
 * the key authorization computed here from RFC 8555 section 8.1 and RFC 7638.
 */
class ValidationCertificateTest {

    private static final String ACME_IDENTIFIER_OID = "1.3.6.1.5.5.7.1.31";
    private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
    private static final String NAME = "alpn.example.org";

    private KeyPair accountKey;
    private TlsAlpn01Challenge value;

    @BeforeEach
    void buildTheValidationCertificateAsTheCoreDoes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        accountKey = generator.generateKeyPair();
        Login login = new Login(URI.create("https://127.0.0.1:1/acct/1").toURL(), accountKey,
                new Session(URI.create("https://127.0.0.1:1/dir")));
        var acme = new org.shredzone.acme4j.challenge.TlsAlpn01Challenge(login, JSON.parse(
                "{\"type\":\"tls-alpn-01\",\"status\":\"pending\",\"url\":"
                        + "\"https://127.0.0.1:1/chall/1\",\"token\":\"" + TOKEN + "\"}"));

        value = OrderFlow.tlsAlpnValue(Identifier.dns(NAME), acme);
    }

    @Test
    void carriesTheCriticalAcmeIdentifierWithTheDigestOfTheKeyAuthorization()
            throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                keyAuthorization().getBytes(StandardCharsets.US_ASCII));
        // getExtensionValue wraps extnValue in an OCTET STRING; extnValue is itself the
        // DER OCTET STRING of the 32-byte digest (RFC 8737 section 3).
        byte[] expected = new byte[36];
        expected[0] = 0x04;
        expected[1] = 34;
        expected[2] = 0x04;
        expected[3] = 32;
        System.arraycopy(digest, 0, expected, 4, 32);

        assertThat(value.certificate().getCriticalExtensionOIDs())
                .contains(ACME_IDENTIFIER_OID);
        assertThat(value.certificate().getExtensionValue(ACME_IDENTIFIER_OID))
                .isEqualTo(expected);
    }

    @Test
    void namesExactlyTheIdentifierInItsSubjectAlternativeName() throws Exception {
        assertThat(value.certificate().getSubjectAlternativeNames())
                .containsExactly(List.of(2, NAME));
        assertThat(value.identifier()).isEqualTo(Identifier.dns(NAME));
    }

    @Test
    void comesWithAFreshKeyOfItsOwnThatMatchesTheCertificate() throws Exception {
        assertThat(value.certificate().getPublicKey().getEncoded())
                .isNotEqualTo(accountKey.getPublic().getEncoded());
        assertThat(value.privateKey().getAlgorithm())
                .isEqualTo(value.certificate().getPublicKey().getAlgorithm());
        value.certificate().verify(value.certificate().getPublicKey());
    }

    /** RFC 8555 section 8.1: token "." base64url(SHA-256 of the RFC 7638 thumbprint). */
    private String keyAuthorization() throws Exception {
        ECPublicKey key = (ECPublicKey) accountKey.getPublic();
        String jwk = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
                + base64Url(coordinate(key.getW().getAffineX())) + "\",\"y\":\""
                + base64Url(coordinate(key.getW().getAffineY())) + "\"}";
        byte[] thumbprint = MessageDigest.getInstance("SHA-256")
                .digest(jwk.getBytes(StandardCharsets.UTF_8));
        return TOKEN + "." + base64Url(thumbprint);
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
