/**
 * The services that plugins provide: {@link dev.certloom.api.plugin.Authenticator}s prove
 * control of names, {@link dev.certloom.api.plugin.Installer}s put certificates into
 * servers. A plugin is a bundle that registers one or both, tagged with
 * {@link dev.certloom.api.plugin.CertloomPlugin}; it depends on this API alone.
 */
@Export
@Version("1.1.0")
package dev.certloom.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
