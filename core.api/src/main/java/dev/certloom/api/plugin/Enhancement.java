package dev.certloom.api.plugin;

/** Changes an installer can make beyond serving the certificate, as certbot offers them. */
public enum Enhancement {
    /** Redirect plain HTTP requests to HTTPS. */
    REDIRECT,
    /** Send Strict-Transport-Security (RFC 6797). */
    HSTS,
    /** Send Content-Security-Policy: upgrade-insecure-requests. */
    UPGRADE_INSECURE_REQUESTS
}
