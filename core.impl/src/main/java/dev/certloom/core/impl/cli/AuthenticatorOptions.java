package dev.certloom.core.impl.cli;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.core.impl.names.DomainNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the values of one authenticator's options from a command line. */
final class AuthenticatorOptions {

    private AuthenticatorOptions() {
    }

    /**
     * Collects every value of each option in command-line order, or its default when it
     * was not given; a {@link PluginOption.Type#FLAG} option given has the value
     * {@code "true"}. For options declared per domain, assigns a value to each name with
     * certbot's {@code -w} rule: a value applies to the {@code -d} names after it until
     * the next value; names before the first value take the first value; and once a name
     * came before the first value, a second value is refused, since the user's intent is
     * unclear.
     *
     * @param options    the authenticator's options
     * @param arguments  the parsed command line
     * @param laterNames ASCII names known only after the command line (asked for), which
     *                   take the last value
     * @return the values
     * @throws UsageException         when several values of a per-domain option follow a
     *                                {@code -d} name
     * @throws ConfigurationException when a {@code -d} name is invalid
     */
    static OptionValues collect(List<PluginOption> options, ParsedArguments arguments,
            List<String> laterNames) throws ConfigurationException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Map<String, String>> perDomain = new LinkedHashMap<>();
        for (PluginOption option : options) {
            List<String> given = given(option, arguments);
            if (given.isEmpty()) {
                option.defaultIfAbsent().ifPresent(given::add);
            }
            if (!given.isEmpty()) {
                values.put(option.name(), List.copyOf(given));
            }
            if (option.perDomain()) {
                perDomain.put(option.name(), perDomain(option, arguments, laterNames));
            }
        }
        return new OptionValues(values, perDomain);
    }

    private static List<String> given(PluginOption option, ParsedArguments arguments) {
        List<String> given = new ArrayList<>();
        for (Occurrence occurrence : arguments.occurrences()) {
            if (occurrence.flag() instanceof PluginOptionFlag
                    && option.flags().contains(occurrence.name())) {
                given.add(occurrence.value());
            }
        }
        return given;
    }

    private static Map<String, String> perDomain(PluginOption option,
            ParsedArguments arguments, List<String> laterNames) throws ConfigurationException {
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> assigned = new LinkedHashMap<>();
        String previous = null;
        boolean nameBeforeFirst = false;
        for (Occurrence occurrence : arguments.occurrences()) {
            if (occurrence.flag() == CoreFlag.DOMAINS) {
                names.addAll(DomainNames.toAscii(CommandOptions.commaList(
                        List.of(occurrence.value()))));
            } else if (occurrence.flag() instanceof PluginOptionFlag
                    && option.flags().contains(occurrence.name())) {
                if (nameBeforeFirst) {
                    throw new UsageException("Several " + occurrence.name() + " values were "
                            + "given but a -d name comes before all of them; put one "
                            + occurrence.name() + " before every -d, each followed by its "
                            + "names.");
                }
                if (previous != null) {
                    for (String name : names) {
                        assigned.putIfAbsent(name, previous);
                    }
                } else {
                    nameBeforeFirst = !names.isEmpty();
                }
                previous = occurrence.value();
            }
        }
        String rest = previous != null ? previous : option.defaultValue();
        if (rest != null) {
            names.addAll(laterNames);
            for (String name : names) {
                assigned.putIfAbsent(name, rest);
            }
        }
        return assigned;
    }
}
