/**
 * The {@code standalone} authenticator: HTTP-01 answered by a small web server of its
 * own, bound when the run is prepared, with certbot's {@code --http-01-port} and
 * {@code --http-01-address}. Nothing here is exported.
 */
package dev.certloom.plugin.standalone;
