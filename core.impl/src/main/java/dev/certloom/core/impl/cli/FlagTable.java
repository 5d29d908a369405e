package dev.certloom.core.impl.cli;

import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.core.impl.plugins.PluginRegistry.Plugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every flag the command line accepts right now: the core's, and for each authenticator
 * present its {@code --NAME} and the flags of its options. Built again for each command,
 * because plugins come and go while Certloom runs. Immutable.
 */
final class FlagTable {

    private static final Logger LOG = LoggerFactory.getLogger(FlagTable.class);

    /** A short flag ({@code -w}) or a long one ({@code --webroot-path}). */
    private static final Pattern SPELLING = Pattern.compile("-[A-Za-z]|--[A-Za-z0-9][\\w-]*");

    private final Map<String, Flag> byName;
    private final List<Flag> flags;

    private FlagTable(Map<String, Flag> byName, List<Flag> flags) {
        // Insertion order matters: an abbreviation takes the first spelling of its flag.
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        this.flags = List.copyOf(flags);
    }

    /**
     * Builds the table for the authenticators present. A plugin flag that is malformed,
     * taken by the core, or taken by an earlier plugin (in name order) for another kind of
     * value is left out with a warning; plugins whose options share a spelling each get
     * the values given with it.
     *
     * @param authenticators the authenticators present, sorted by name
     * @return the table
     */
    static FlagTable of(List<Plugin<Authenticator>> authenticators) {
        Map<String, Flag> byName = new LinkedHashMap<>();
        List<Flag> flags = new ArrayList<>();
        for (CoreFlag flag : CoreFlag.values()) {
            add(byName, flags, flag);
        }
        for (Plugin<Authenticator> plugin : authenticators) {
            add(byName, flags, new AuthenticatorFlag(plugin.name(), plugin.description()));
            for (PluginOption option : plugin.service().options()) {
                add(byName, flags, new PluginOptionFlag(plugin.name(), option));
            }
        }
        return new FlagTable(byName, flags);
    }

    private static void add(Map<String, Flag> byName, List<Flag> flags, Flag flag) {
        boolean added = false;
        for (String name : flag.names()) {
            Flag taken = byName.get(name);
            if (!SPELLING.matcher(name).matches()) {
                LOG.warn("Ignoring the malformed flag {} of {}; a plugin flag looks like -x "
                        + "or --name", name, owner(flag));
            } else if (taken == null) {
                byName.put(name, flag);
                added = true;
            } else if (taken instanceof CoreFlag || taken.takesValue() != flag.takesValue()) {
                LOG.warn("Ignoring the flag {} of {}: {} uses it already; rename the "
                        + "plugin's flag", name, owner(flag), owner(taken));
            } else {
                added = true;
            }
        }
        if (added) {
            flags.add(flag);
        }
    }

    private static String owner(Flag flag) {
        if (flag instanceof AuthenticatorFlag selector) {
            return "the " + selector.plugin() + " plugin";
        }
        if (flag instanceof PluginOptionFlag option) {
            return "the " + option.plugin() + " plugin";
        }
        return "the core";
    }

    /** Returns the flag spelled exactly so. */
    Optional<Flag> exact(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Returns the long spellings that start with a prefix, in table order. */
    List<String> longNamesStartingWith(String prefix) {
        return byName.keySet().stream()
                .filter(name -> name.startsWith("--") && name.startsWith(prefix))
                .toList();
    }

    /** Returns every flag, the core's first, then each plugin's. */
    List<Flag> flags() {
        return flags;
    }
}
