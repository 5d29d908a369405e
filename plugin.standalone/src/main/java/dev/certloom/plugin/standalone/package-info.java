/**
 * The {@code standalone} authenticator: HTTP-01 answered by a small web server of its
 * own, with certbot's {@code --http-01-port} and {@code --http-01-address}, and
 * TLS-ALPN-01 (RFC 8737) answered by a TLS server on {@code --tls-alpn-01-port}, each
 * bound when the run is prepared. Nothing here is exported.
 */
package dev.certloom.plugin.standalone;
