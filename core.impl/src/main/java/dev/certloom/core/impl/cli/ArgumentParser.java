package dev.certloom.core.impl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a command line the way certbot's parser (Python's argparse) does, so that a
 * certbot command line means the same here:
 * <ul>
 * <li>{@code --flag value}, {@code --flag=value}, {@code -d value}, {@code -dvalue} and
 *     {@code -d=value};</li>
 * <li>short flags bundle: {@code -vvv} counts three, {@code -nd example.org} is
 *     {@code -n -d example.org};</li>
 * <li>a long flag may be shortened while it stays unambiguous ({@code --agree});</li>
 * <li>a value may not look like a flag, except for negative numbers and words with a
 *     space; {@code --flag=-value} passes anything;</li>
 * <li>after {@code --} every word is positional.</li>
 * </ul>
 * Not thread-safe; use one parser per command line.
 */
final class ArgumentParser {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+|-\\d*\\.\\d+");

    private final FlagTable table;

    /** @param table the flags accepted, never {@code null} */
    ArgumentParser(FlagTable table) {
        this.table = table;
    }

    /**
     * Parses a command line.
     *
     * @param arguments the words after the program name
     * @return the flags in order and the other words
     * @throws UsageException for an unknown or ambiguous flag, a flag without its value,
     *                        or a value given to a flag that takes none
     */
    ParsedArguments parse(List<String> arguments) throws UsageException {
        List<Occurrence> occurrences = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        int next = 0;
        while (next < arguments.size()) {
            String word = arguments.get(next++);
            if (word.equals("--")) {
                positionals.addAll(arguments.subList(next, arguments.size()));
                break;
            }
            if (isValue(word)) {
                positionals.add(word);
            } else {
                Match match = resolve(word).orElseThrow(() -> new UsageException(
                        "Unknown flag '" + word + "'; 'certloom --help all' lists the flags."));
                next = consume(match, arguments, next, occurrences);
            }
        }
        return new ParsedArguments(occurrences, positionals);
    }

    /** A word that selects a flag, with the text attached to it in the same word. */
    private record Match(Flag flag, String name, Optional<String> attached) {
    }

    private boolean isValue(String word) throws UsageException {
        if (!word.startsWith("-") || word.equals("-")) {
            return true;
        }
        return resolve(word).isEmpty()
                && (NEGATIVE_NUMBER.matcher(word).matches() || word.contains(" "));
    }

    private Optional<Match> resolve(String word) throws UsageException {
        Optional<Flag> exact = table.exact(word);
        if (exact.isPresent()) {
            return Optional.of(new Match(exact.get(), word, Optional.empty()));
        }
        int equals = word.indexOf('=');
        String name = equals > 0 ? word.substring(0, equals) : word;
        Optional<String> attached = equals > 0
                ? Optional.of(word.substring(equals + 1)) : Optional.empty();
        Optional<Flag> named = table.exact(name);
        if (named.isPresent()) {
            return Optional.of(new Match(named.get(), name, attached));
        }
        if (word.startsWith("--")) {
            return abbreviation(name, attached);
        }
        String shortName = word.substring(0, Math.min(2, word.length()));
        return table.exact(shortName).map(flag ->
                new Match(flag, shortName, Optional.of(word.substring(shortName.length()))));
    }

    private Optional<Match> abbreviation(String prefix, Optional<String> attached)
            throws UsageException {
        List<String> names = table.longNamesStartingWith(prefix);
        long flags = names.stream().map(n -> table.exact(n).orElseThrow()).distinct().count();
        if (flags > 1) {
            throw new UsageException("The flag '" + prefix + "' is ambiguous: it could be "
                    + HelpText.either(names) + "; spell it out.");
        }
        return names.stream().findFirst()
                .map(name -> new Match(table.exact(name).orElseThrow(), name, attached));
    }

    private int consume(Match first, List<String> arguments, int next,
            List<Occurrence> occurrences) throws UsageException {
        Match match = first;
        while (true) {
            Flag flag = match.flag();
            if (flag.takesValue()) {
                if (match.attached().isPresent()) {
                    occurrences.add(new Occurrence(flag, match.name(), match.attached().get()));
                    return next;
                }
                if (next < arguments.size() && isValue(arguments.get(next))) {
                    occurrences.add(new Occurrence(flag, match.name(), arguments.get(next)));
                    return next + 1;
                }
                throw new UsageException("The flag " + match.name() + " needs a value, as in "
                        + match.name() + " " + flag.metavar() + ".");
            }
            occurrences.add(new Occurrence(flag, match.name(), Occurrence.PRESENT));
            if (match.attached().isEmpty()) {
                return next;
            }
            match = bundled(match);
        }
    }

    /** {@code -vn}: the text after a short flag that takes no value names more flags. */
    private Match bundled(Match match) throws UsageException {
        String rest = match.attached().orElseThrow();
        Optional<Flag> following = match.name().startsWith("--") || rest.isEmpty()
                ? Optional.empty() : table.exact("-" + rest.charAt(0));
        if (following.isEmpty()) {
            throw new UsageException("The flag " + match.name() + " takes no value, but '"
                    + rest + "' was attached to it.");
        }
        Optional<String> after = rest.length() > 1
                ? Optional.of(rest.substring(1)) : Optional.empty();
        return new Match(following.get(), "-" + rest.charAt(0), after);
    }
}
