package dev.certloom.core.impl.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds a request for help before the flags are parsed, as certbot does, so that help is
 * shown even for a command line that would not parse.
 */
final class HelpRequest {

    private HelpRequest() {
    }

    /** Returns whether {@code -h} or {@code --help} is a word, or {@code help} the first. */
    static boolean isAsked(List<String> arguments) {
        return arguments.contains("-h") || arguments.contains("--help")
                || !arguments.isEmpty() && arguments.get(0).equals("help");
    }

    /**
     * Returns the topic: the word after the help flag when it is a topic, otherwise the
     * first verb named anywhere ({@code certonly --help}), otherwise none.
     *
     * @param arguments the command line, for which {@link #isAsked} holds
     * @param topics    the topics help knows
     * @param verbName  maps a word to the verb it names, if any
     * @return the topic, or empty for the overview
     */
    static Optional<String> topic(List<String> arguments, List<String> topics,
            Function<String, Optional<String>> verbName) {
        int flag = arguments.get(0).equals("help") ? 0 : indexOfFlag(arguments);
        if (flag + 1 < arguments.size() && topics.contains(arguments.get(flag + 1))) {
            return Optional.of(arguments.get(flag + 1));
        }
        return arguments.stream().map(verbName).flatMap(Optional::stream).findFirst();
    }

    private static int indexOfFlag(List<String> arguments) {
        int shortFlag = arguments.indexOf("-h");
        int longFlag = arguments.indexOf("--help");
        if (shortFlag < 0) {
            return longFlag;
        }
        return longFlag < 0 ? shortFlag : Math.min(shortFlag, longFlag);
    }
}
