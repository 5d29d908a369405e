/**
 * The entry point of certloom.jar. It runs outside the framework: it answers
 * {@code --version} at once, starts Felix with the embedded bundles, hands the command
 * line to the core's command service and owns the process's exit code.
 */
package dev.certloom.launcher.main;
