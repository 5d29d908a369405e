package dev.certloom.itest;

import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;

/**
 * Where the tests find the webroot plugin: the build copies its bundle into the test
 * bundle, from which the tests install it.
 */
final class WebrootPlugin {

    /** The webroot bundle inside the test bundle. */
    static final String EMBEDDED_JAR = PluginLifecycleTest.PLUGIN_FOLDER + "/plugin.webroot.jar";

    /** The name the webroot plugin registers its authenticator under. */
    static final String NAME = "webroot";

    /** Matches the webroot authenticator service and nothing else. */
    static final String SERVICE_FILTER = "(&(objectClass=" + Authenticator.class.getName()
            + ")(" + CertloomPlugin.NAME + "=" + NAME + "))";

    private WebrootPlugin() {
    }
}
