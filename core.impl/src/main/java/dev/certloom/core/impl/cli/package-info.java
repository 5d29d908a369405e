/**
 * The command model: certbot's verbs and flags, their help, and the command service that
 * the launcher and the Gogo shell both call.
 */
package dev.certloom.core.impl.cli;
