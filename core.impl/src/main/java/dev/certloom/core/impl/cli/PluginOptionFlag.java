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
        if (!takesValue()) {
            return "";
        }
        // argparse names the value after the first long flag: --webroot-path WEBROOT_PATH.
        String name = option.flags().stream().filter(flag -> flag.startsWith("--"))
                .findFirst().map(flag -> flag.substring(2)).orElse(option.name());
        return name.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String help() {
        return option.defaultIfAbsent()
                .map(value -> option.help() + " (default: " + value + ")")
                .orElse(option.help());
    }
}
