package dev.certloom.api.service;

import java.util.Objects;
import java.util.Set;

/**
 * The kind of private key a certificate gets.
 *
 * @param algorithm {@link Algorithm#EC} or {@link Algorithm#RSA}
 * @param rsaBits   the RSA modulus size; ignored for EC
 * @param curve     the curve name ({@code secp256r1}, {@code secp384r1},
 *                  {@code secp521r1}); ignored for RSA
 */
public record KeySpec(Algorithm algorithm, int rsaBits, String curve) {

    // Declared before DEFAULT: the constructor checks against it during class set-up.
    private static final Set<String> CURVES = Set.of("secp256r1", "secp384r1", "secp521r1");

    /** The default of certbot 2 and of Certloom: ECDSA on P-256. */
    public static final KeySpec DEFAULT = new KeySpec(Algorithm.EC, 2048, "secp256r1");

    /** Key algorithms, named as certbot's {@code --key-type} names them. */
    public enum Algorithm {
        /** Elliptic curve keys, signed with ECDSA. */
        EC,
        /** RSA keys. */
        RSA
    }

    public KeySpec {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(curve, "curve");
        if (algorithm == Algorithm.RSA && (rsaBits < 2048 || rsaBits > 8192)) {
            throw new IllegalArgumentException(
                    "The RSA key size must be between 2048 and 8192 bits, not " + rsaBits);
        }
        if (algorithm == Algorithm.EC && !CURVES.contains(curve)) {
            throw new IllegalArgumentException("The elliptic curve must be one of "
                    + String.join(", ", CURVES.stream().sorted().toList()) + ", not " + curve);
        }
    }
}
