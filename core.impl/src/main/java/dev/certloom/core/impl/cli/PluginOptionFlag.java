package dev.certloom.core.impl.cli;

import dev.certloom.api.plugin.PluginOption;
import java.util.List;
import java.util.Locale;

/**
 * A flag that an authenticator declared for one of its options.
 *
 * @param plugin the plugin's name
 * @param option the option
 */
record PluginOptionFlag(String plugin, PluginOption option) implements Flag {

    @Override
    public List<String> names() {
        return option.flags();
    }

    @Override
    public boolean takesValue() {
        return option.type() != PluginOption.Type.FLAG;
    }

    @Override
    public String metavar() {
        // certbot shows the option's destination in capitals, such as WEBROOT_PATH.
        return takesValue() ? option.renewalKey().toUpperCase(Locale.ROOT) : "";
    }

    @Override
    public String help() {
        return option.defaultIfAbsent()
                .map(value -> option.help() + " (default: " + value + ")")
                .orElse(option.help());
    }
}
