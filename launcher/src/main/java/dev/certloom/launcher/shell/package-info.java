/**
 * The Gogo commands: every verb of the core's command service as a command of the
 * {@code certloom} scope, so that the shell takes the same words as the command line.
 */
package dev.certloom.launcher.shell;
