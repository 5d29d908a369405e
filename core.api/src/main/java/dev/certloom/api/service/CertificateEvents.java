package dev.certloom.api.service;

/**
 * Event Admin topics and properties of the events the core posts when Event Admin is
 * present. Every event carries {@link #LINEAGE} and {@link #DOMAINS}.
 */
public final class CertificateEvents {

    /** A new lineage got its first certificate. */
    public static final String ISSUED = "dev/certloom/certificate/ISSUED";
    /** A lineage got a new certificate. */
    public static final String RENEWED = "dev/certloom/certificate/RENEWED";
    /** Obtaining or renewing failed; carries {@link #REASON}. */
    public static final String FAILED = "dev/certloom/certificate/FAILED";
    /** A certificate was revoked. */
    public static final String REVOKED = "dev/certloom/certificate/REVOKED";

    /** The lineage name, a {@code String}. */
    public static final String LINEAGE = "lineage";
    /** The names of the certificate, a {@code String[]}. */
    public static final String DOMAINS = "domains";
    /** Why it failed, the user-facing sentence, a {@code String}. */
    public static final String REASON = "reason";

    private CertificateEvents() {
    }
}
