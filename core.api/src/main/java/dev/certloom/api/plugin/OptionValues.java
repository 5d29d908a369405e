package dev.certloom.api.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a user gave for a plugin's options, by option name, with defaults already
 * applied. Immutable.
 *
 * @param values    every value of each option, in the order given
 * @param perDomain for options declared {@link PluginOption#perDomain()}: the value that
 *                  applies to each name, by ASCII name
 */
public record OptionValues(Map<String, List<String>> values,
        Map<String, Map<String, String>> perDomain) {

    /** Options with no values at all. */
    public static final OptionValues NONE = new OptionValues(Map.of(), Map.of());

    public OptionValues {
        values = Map.copyOf(values);
        perDomain = Map.copyOf(perDomain);
    }

    /** Returns every value of an option, in the order given, possibly empty. */
    public List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    /** Returns the last value given for an option, which is the one that counts. */
    public Optional<String> last(String option) {
        List<String> all = all(option);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Returns whether a {@link PluginOption.Type#FLAG} option was given. */
    public boolean isSet(String option) {
        return last(option).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Returns, for a per-domain option, the value that applies to each name. Following
     * certbot: a value applies to the names given after it until the next value; names
     * that no value precedes take the first value.
     */
    public Map<String, String> perDomain(String option) {
        return perDomain.getOrDefault(option, Map.of());
    }
}
