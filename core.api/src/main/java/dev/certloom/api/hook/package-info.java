/**
 * Running the user's hook commands: the core's pre, deploy and post hooks and a plugin's
 * own hooks (such as the manual plugin's) all run through one {@link
 * dev.certloom.api.hook.HookRunner}, with the same timeout, output limit and process
 * handling.
 */
@Export
@Version("1.0.0")
package dev.certloom.api.hook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
