/**
 * The {@code webroot} authenticator: HTTP-01 by writing challenge files into the document
 * root of a web server that already serves the names, with certbot's options
 * ({@code -w}, {@code --webroot-path}, {@code --webroot-map}). Nothing here is exported.
 */
package dev.certloom.plugin.webroot;
