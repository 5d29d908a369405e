package dev.certloom.api.challenge;

import dev.certloom.api.Identifier;
import java.util.Objects;

/**
 * DNS-01 (RFC 8555 section 8.4): a TXT record named {@link #recordName()} must hold
 * {@link #value()}. For a wildcard such as {@code *.example.org} the record belongs to
 * the base name, {@code _acme-challenge.example.org}.
 *
 * @param identifier the name being validated
 * @param recordName the fully qualified record name, without a trailing dot
 * @param value      the TXT value, the base64url digest of the key authorization
 */
public record Dns01Challenge(Identifier identifier, String recordName, String value)
        implements Challenge {

    public Dns01Challenge {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(recordName, "recordName");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public ChallengeType type() {
        return ChallengeType.DNS_01;
    }
}
