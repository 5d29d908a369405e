package dev.certloom.core.impl.cli;

import dev.certloom.api.command.CommandService;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistry.Plugin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code plugins}: lists the authenticators and installers present, laid out as certbot
 * lays them out; {@code --authenticators} and {@code --installers} narrow the list.
 */
final class PluginsVerb implements Verb {

    private static final String AUTHENTICATOR = "Authenticator";
    private static final String INSTALLER = "Installer";

    private final PluginRegistry registry;

    /** @param registry the plugins present */
    PluginsVerb(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "List the authenticator and installer plugins present";
    }

    @Override
    public List<CoreFlag> flags() {
        return List.of(CoreFlag.AUTHENTICATORS, CoreFlag.INSTALLERS);
    }

    @Override
    public int run(Invocation invocation) {
        ParsedArguments arguments = invocation.options().arguments();
        Map<String, Listed> plugins = new TreeMap<>();
        for (Plugin<?> plugin : registry.authenticators()) {
            plugins.computeIfAbsent(plugin.name(), n -> new Listed(plugin.description()))
                    .roles.add(AUTHENTICATOR);
        }
        for (Plugin<?> plugin : registry.installers()) {
            plugins.computeIfAbsent(plugin.name(), n -> new Listed(plugin.description()))
                    .roles.add(INSTALLER);
        }
        // Like certbot, each filter given narrows the list further.
        if (arguments.has(CoreFlag.AUTHENTICATORS)) {
            plugins.values().removeIf(listed -> !listed.roles.contains(AUTHENTICATOR));
        }
        if (arguments.has(CoreFlag.INSTALLERS)) {
            plugins.values().removeIf(listed -> !listed.roles.contains(INSTALLER));
        }

        PrintWriter out = invocation.console().out();
        out.println();
        out.println(RULE);
        List<String> entries = new ArrayList<>();
        plugins.forEach((name, listed) -> entries.add("* " + name + "\n"
                + "Description: " + listed.description + "\n"
                + "Interfaces: " + String.join(", ", listed.roles)));
        boolean filtered = arguments.has(CoreFlag.AUTHENTICATORS)
                || arguments.has(CoreFlag.INSTALLERS);
        String none = filtered ? "No plugin plays that role." : "No plugin is installed.";
        out.println(entries.isEmpty() ? none : String.join("\n\n", entries));
        out.println(RULE);
        return CommandService.OK;
    }

    /** A plugin name with its description and the roles it plays. */
    private static final class Listed {

        private final String description;
        private final List<String> roles = new ArrayList<>();

        Listed(String description) {
            this.description = description;
        }
    }
}
