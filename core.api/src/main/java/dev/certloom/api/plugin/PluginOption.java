package dev.certloom.api.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option a plugin accepts. The command line turns it into a flag ({@code --PLUGIN-NAME}
 * unless {@link Builder#flag} says otherwise), {@code --help} lists it, and its value is
 * saved in the renewal configuration under {@link #renewalKey()} so that a renewal repeats
 * the same choice.
 *
 * @param name         the option's name within the plugin, such as {@code path}
 * @param type         what kind of value it takes
 * @param help         one or two sentences for {@code --help}
 * @param defaultValue the value used when the option is not given, or {@code null}
 * @param repeatable   whether the flag may be given more than once
 * @param perDomain    whether a value applies to the {@code -d} names that follow it, as
 *                     certbot's {@code -w} does (see {@link OptionValues#perDomain})
 * @param flags        the command-line flags, the long one first
 * @param renewalKey   the key in the renewal configuration
 */
public record PluginOption(String name, Type type, String help, String defaultValue,
        boolean repeatable, boolean perDomain, List<String> flags, String renewalKey) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The kinds of value an option takes. */
    public enum Type {
        /** Free text. */
        STRING,
        /** A whole number. */
        INTEGER,
        /** A file system path. */
        PATH,
        /** A switch that takes no value; its value is {@code true} when given. */
        FLAG
    }

    public PluginOption {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(renewalKey, "renewalKey");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Bad option name: " + name);
        }
        if (flags == null || flags.isEmpty()) {
            throw new IllegalArgumentException("Option " + name + " needs a flag");
        }
        flags = List.copyOf(flags);
    }

    /** Returns the default value, if there is one. */
    public Optional<String> defaultIfAbsent() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Starts an option of a plugin. Unless changed, its flag is {@code --PLUGIN-NAME} and
     * its renewal key {@code PLUGIN_NAME} with dashes turned into underscores, which is
     * how certbot names them.
     *
     * @param plugin the plugin's name
     * @param name   the option's name
     * @param type   what kind of value it takes
     * @return a builder
     */
    public static Builder of(String plugin, String name, Type type) {
        return new Builder(plugin, name, type);
    }

    /** Builds a {@link PluginOption}. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private final Type type;
        private final List<String> flags = new ArrayList<>();
        private String help = "";
        private String defaultValue;
        private boolean repeatable;
        private boolean perDomain;
        private String renewalKey;

        private Builder(String plugin, String name, Type type) {
            this.name = name;
            this.type = type;
            this.flags.add("--" + plugin + "-" + name);
            this.renewalKey = (plugin + "_" + name).replace('-', '_');
        }

        /** Sets the text {@code --help} shows. */
        public Builder help(String text) {
            this.help = text;
            return this;
        }

        /** Sets the value used when the option is absent. */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /** Lets the flag be given more than once; every value is kept, in order. */
        public Builder repeatable() {
            this.repeatable = true;
            return this;
        }

        /** Makes each value apply to the {@code -d} names that follow it. */
        public Builder perDomain() {
            this.perDomain = true;
            return this;
        }

        /** Replaces the long flag, for options certbot names without the plugin prefix. */
        public Builder flag(String longFlag) {
            this.flags.set(0, longFlag);
            return this;
        }

        /** Adds another flag for the same option, such as certbot's short {@code -w}. */
        public Builder alias(String flag) {
            this.flags.add(flag);
            return this;
        }

        /** Sets the key under which the renewal configuration keeps the value. */
        public Builder renewalKey(String key) {
            this.renewalKey = key;
            return this;
        }

        /** Returns the option. */
        public PluginOption build() {
            return new PluginOption(name, type, help, defaultValue, repeatable, perDomain,
                    flags, renewalKey);
        }
    }
}
