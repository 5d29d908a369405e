/**
 * The Certloom core: the ACME flows, the plugin registry, storage in certbot's layout,
 * and the commands. Nothing here is exported.
 */
package dev.certloom.core.impl;
