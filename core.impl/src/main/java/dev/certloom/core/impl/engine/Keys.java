package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import dev.certloom.api.service.KeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * Generates key pairs with the JDK's own providers: P-256 keys and ECDSA signatures need
 * no Bouncy Castle, which keeps a command's start short.
 */
final class Keys {

    private static final String ACCOUNT_CURVE = "secp256r1";

    private Keys() {
    }

    /**
     * Generates a certificate key of the requested kind.
     *
     * @throws CertloomException when the JDK cannot generate it
     */
    static KeyPair certificateKey(KeySpec spec) throws CertloomException {
        try {
            if (spec.algorithm() == KeySpec.Algorithm.RSA) {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(new RSAKeyGenParameterSpec(spec.rsaBits(),
                        RSAKeyGenParameterSpec.F4));
                return rsa.generateKeyPair();
            }
            return ec(spec.curve());
        } catch (GeneralSecurityException e) {
            throw new CertloomException("Cannot generate a " + spec.algorithm() + " key: "
                    + e.getMessage() + ".", e);
        }
    }

    /**
     * Generates an account key: ECDSA on P-256, signed ES256 (RFC 7518 section 3.4).
     *
     * @throws CertloomException when the JDK cannot generate it
     */
    static KeyPair accountKey() throws CertloomException {
        try {
            return ec(ACCOUNT_CURVE);
        } catch (GeneralSecurityException e) {
            throw new CertloomException("Cannot generate an account key: " + e.getMessage()
                    + ".", e);
        }
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec(curve));
        return ec.generateKeyPair();
    }
}
