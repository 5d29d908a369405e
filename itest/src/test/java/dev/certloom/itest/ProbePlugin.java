package dev.certloom.itest;

import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;

/**
 * Where the tests find the probe plugin of the {@code itest.plugin} module: the build
 * copies its bundle into the test bundle, from which the tests install it.
 */
final class ProbePlugin {

    /** The probe's bundle inside the test bundle. */
    static final String EMBEDDED_JAR = PluginLifecycleTest.PLUGIN_FOLDER + "/itest.plugin.jar";

    /** The name the probe registers its authenticator under. */
    static final String NAME = "probe";

    /** Matches the probe's authenticator service and nothing else. */
    static final String SERVICE_FILTER = "(&(objectClass=" + Authenticator.class.getName()
            + ")(" + CertloomPlugin.NAME + "=" + NAME + "))";

    private ProbePlugin() {
    }
}
