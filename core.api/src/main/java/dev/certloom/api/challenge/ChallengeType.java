package dev.certloom.api.challenge;

import java.util.Arrays;
import java.util.Optional;

/** The validation methods that ACME certificate authorities accept today. */
public enum ChallengeType {

    /** A file served over plain HTTP on port 80 (RFC 8555 section 8.3). */
    HTTP_01("http-01"),
    /** A TXT record under {@code _acme-challenge} (RFC 8555 section 8.4). */
    DNS_01("dns-01"),
    /** A certificate offered for the ALPN protocol {@code acme-tls/1} (RFC 8737). */
    TLS_ALPN_01("tls-alpn-01");

    private final String token;

    ChallengeType(String token) {
        this.token = token;
    }

    /** Returns the name the ACME protocol uses, such as {@code http-01}. */
    public String token() {
        return token;
    }

    /**
     * Finds the type for an ACME challenge name.
     *
     * @param token a name such as {@code dns-01}
     * @return the type, or empty if Certloom does not know it
     */
    public static Optional<ChallengeType> forToken(String token) {
        return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
    }

    @Override
    public String toString() {
        return token;
    }
}
