/**
 * The {@code manual} authenticator: HTTP-01, DNS-01 and TLS-ALPN-01 published by the
 * user's own hook commands ({@code --manual-auth-hook}, {@code --manual-cleanup-hook})
 * with certbot's environment, or by the person at the terminal following printed
 * instructions. Nothing here is exported.
 */
package dev.certloom.plugin.manual;
