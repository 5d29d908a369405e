/**
 * Domain names as ACME carries them: checked against the DNS rules and converted to
 * their ASCII form once, for the command line and the engine alike.
 */
package dev.certloom.core.impl.names;
