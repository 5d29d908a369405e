package dev.certloom.core.impl.cli;

import java.util.Objects;

/**
 * One flag as it appeared on the command line.
 *
 * @param flag  the flag
 * @param name  the full spelling that selected it, such as {@code -w} or
 *              {@code --webroot-path}, after abbreviations are expanded
 * @param value the value, or {@code "true"} for a flag that takes none, as a plugin's
 *              {@link dev.certloom.api.plugin.PluginOption.Type#FLAG} option expects
 */
record Occurrence(Flag flag, String name, String value) {

    /** The value recorded for a flag that takes none. */
    static final String PRESENT = "true";

    Occurrence {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
