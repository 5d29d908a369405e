package dev.certloom.api;

import java.util.Objects;

/**
 * A name a certificate is requested for, as ACME knows it (RFC 8555 section 9.7.7, RFC 8738).
 *
 * <p>The value of a {@link Type#DNS} identifier is the ASCII (punycode) form of the name, in
 * lower case; a wildcard keeps its leading {@code *.}. Instances are immutable.
 *
 * @param type  the identifier type, never {@code null}
 * @param value the name or address, never {@code null} or empty
 */
public record Identifier(Type type, String value) {

    /** The identifier types of the ACME registry that Certloom understands. */
    public enum Type {
        /** A fully qualified domain name, possibly a wildcard. */
        DNS,
        /** An IPv4 or IPv6 address (RFC 8738). */
        IP
    }

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("An identifier needs a value");
        }
    }

    /**
     * Returns a DNS identifier for an already checked ASCII name.
     *
     * @param asciiName the name in its ASCII form
     * @return the identifier
     */
    public static Identifier dns(String asciiName) {
        return new Identifier(Type.DNS, asciiName);
    }

    /** Returns whether this is a wildcard name such as {@code *.example.org}. */
    public boolean isWildcard() {
        return type == Type.DNS && value.startsWith("*.");
    }

    @Override
    public String toString() {
        return value;
    }
}
