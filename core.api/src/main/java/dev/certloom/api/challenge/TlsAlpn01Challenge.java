package dev.certloom.api.challenge;

import dev.certloom.api.Identifier;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * TLS-ALPN-01 (RFC 8737): a TLS server on port 443 must offer {@link #certificate()}
 * when a client asks for {@code identifier} by SNI with the ALPN protocol
 * {@code acme-tls/1}. The core builds the certificate, with its critical
 * acmeIdentifier extension, and its key; the plugin only presents them.
 *
 * @param identifier  the name being validated
 * @param certificate the self-signed validation certificate
 * @param privateKey  the key of the validation certificate; never log or persist it
 *                    beyond the challenge
 */
public record TlsAlpn01Challenge(Identifier identifier, X509Certificate certificate,
        PrivateKey privateKey) implements Challenge {

    /** The ALPN protocol name of RFC 8737 section 6.2. */
    public static final String ALPN_PROTOCOL = "acme-tls/1";

    public TlsAlpn01Challenge {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public ChallengeType type() {
        return ChallengeType.TLS_ALPN_01;
    }
}
