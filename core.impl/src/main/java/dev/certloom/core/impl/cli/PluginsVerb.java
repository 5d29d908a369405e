package dev.certloom.core.impl.cli;

import dev.certloom.api.Console;
import dev.certloom.api.command.CommandService;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistry.Plugin;
import java.io.PrintWriter;
import java.util.List;

/** {@code plugins}: lists the authenticators and installers present, as certbot does. */
final class PluginsVerb implements Verb {

    private static final String RULE = "- ".repeat(39) + "-";

    private final PluginRegistry registry;

    PluginsVerb(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "List the installed authenticator and installer plugins";
    }

    @Override
    public int run(List<String> arguments, Console console) {
        PrintWriter out = console.out();
        out.println(RULE);
        for (Plugin<?> plugin : registry.authenticators()) {
            print(out, plugin, "Authenticator");
        }
        for (Plugin<?> plugin : registry.installers()) {
            print(out, plugin, "Installer");
        }
        return CommandService.OK;
    }

    private static void print(PrintWriter out, Plugin<?> plugin, String role) {
        out.println("* " + plugin.name());
        out.println("Description: " + plugin.description());
        out.println("Interfaces: " + role);
        out.println(RULE);
    }
}
