package dev.certloom.core.impl.plugins;

import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.Installer;
import java.util.Map;

/** Registers plugins in a registry as Declarative Services would, for tests elsewhere. */
public final class PluginRegistryFixture {

    private PluginRegistryFixture() {
    }

    /** Registers an authenticator under a name. */
    public static void addAuthenticator(PluginRegistry registry, String name,
            String description, Authenticator service) {
        registry.addAuthenticator(service, properties(name, description));
    }

    /** Unregisters an authenticator. */
    public static void removeAuthenticator(PluginRegistry registry, Authenticator service) {
        registry.removeAuthenticator(service);
    }

    /** Registers an installer under a name. */
    public static void addInstaller(PluginRegistry registry, String name, String description,
            Installer service) {
        registry.addInstaller(service, properties(name, description));
    }

    private static Map<String, Object> properties(String name, String description) {
        return Map.of(CertloomPlugin.NAME, name, CertloomPlugin.DESCRIPTION, description);
    }
}
