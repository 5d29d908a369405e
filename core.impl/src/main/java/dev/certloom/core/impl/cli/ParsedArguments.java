package dev.certloom.core.impl.cli;

import java.util.List;
import java.util.Optional;

/**
 * A command line split into flags, in the order given, and the words that are not flags
 * (the verb, or mistakes). Immutable.
 *
 * @param occurrences the flags in command-line order
 * @param positionals the other words in order
 */
record ParsedArguments(List<Occurrence> occurrences, List<String> positionals) {

    ParsedArguments {
        occurrences = List.copyOf(occurrences);
        positionals = List.copyOf(positionals);
    }

    /** Returns whether a flag was given at least once. */
    boolean has(Flag flag) {
        return occurrences.stream().anyMatch(o -> o.flag() == flag);
    }

    /** Returns how often a flag was given, which is what {@code -vvv} counts. */
    int count(Flag flag) {
        return (int) occurrences.stream().filter(o -> o.flag() == flag).count();
    }

    /** Returns every value of a flag, in order. */
    List<String> values(Flag flag) {
        return occurrences.stream().filter(o -> o.flag() == flag).map(Occurrence::value)
                .toList();
    }

    /** Returns the last value of a flag, the one that counts for a single-valued flag. */
    Optional<String> last(Flag flag) {
        List<String> values = values(flag);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
