/**
 * The command model shared by the launcher's command line and the Gogo shell: a verb
 * takes certbot-style arguments and a console and returns an exit code.
 */
@Export
@Version("1.0.0")
package dev.certloom.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
