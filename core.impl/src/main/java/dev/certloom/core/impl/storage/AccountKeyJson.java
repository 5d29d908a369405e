package dev.certloom.core.impl.storage;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The account key in certbot's {@code private_key.json}: a JSON Web Key (RFC 7517) with its
 * private members, EC (RFC 7518 section 6.2) or RSA (section 6.3). Also certbot's account
 * id, derived from the public key. Stateless and thread-safe.
 */
final class AccountKeyJson {

    private AccountKeyJson() {
    }

    /**
     * Returns the key pair as a JWK, private members included.
     *
     * @throws IllegalArgumentException when the key is neither EC nor RSA
     */
    static String toJson(KeyPair keyPair) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(keyPair.getPublic());
            jwk.setPrivateKey(keyPair.getPrivate());
            return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        } catch (JoseException e) {
            throw new IllegalArgumentException("the account key is neither EC nor RSA", e);
        }
    }

    /**
     * Reads a JWK holding a private key.
     *
     * @throws JoseException when the JSON is no JWK, or has no private part
     */
    static KeyPair fromJson(String json) throws JoseException {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(json);
        if (jwk.getPrivateKey() == null) {
            throw new JoseException("the key has no private part");
        }
        return new KeyPair(jwk.getPublicKey(), jwk.getPrivateKey());
    }

    /**
     * Returns certbot's account id: the MD5 digest, in lower-case hexadecimal, of the
     * public key's SubjectPublicKeyInfo in PEM. MD5 names a folder here; it protects
     * nothing, so its weakness does not matter.
     */
    static String accountId(PublicKey publicKey) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] pem = PemEncoding.publicKey(publicKey).getBytes(StandardCharsets.US_ASCII);
            return HexFormat.of().formatHex(md5.digest(pem));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }
}
