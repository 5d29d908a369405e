package dev.certloom.core.impl.storage;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate as the CA issued it, with the private key it was requested for.
 *
 * @param chain the leaf first, then the intermediates in the order the CA sent them
 *              (RFC 8555 section 7.4.2); never empty
 * @param key   the private key matching the leaf's public key
 */
public record IssuedCertificate(List<X509Certificate> chain, PrivateKey key) {

    public IssuedCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("An issued certificate needs at least the leaf");
        }
        Objects.requireNonNull(key, "key");
    }

    /** Returns the leaf certificate, the one issued for the names. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Returns the intermediates, possibly none. */
    public List<X509Certificate> intermediates() {
        return chain.subList(1, chain.size());
    }
}
