/** The console that the launcher and the shell lend to the core's commands. */
package dev.certloom.launcher.console;
