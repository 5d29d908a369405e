package dev.certloom.core.impl.cli;

import java.util.List;

/**
 * A flag of the command line: the certbot flags of the core, and the flags that the
 * authenticators present bring along. Instances are immutable.
 */
sealed interface Flag permits CoreFlag, AuthenticatorFlag, PluginOptionFlag {

    /** Returns the spellings, the short one first when there is one, never empty. */
    List<String> names();

    /** Returns whether the flag consumes a value. */
    boolean takesValue();

    /** Returns the placeholder of the value for {@code --help}, or empty without one. */
    String metavar();

    /** Returns the text {@code --help} shows, never {@code null}. */
    String help();

    /** Returns the spellings and the value placeholder as {@code --help} lists them. */
    default String synopsis() {
        StringBuilder text = new StringBuilder();
        for (String name : names()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name);
            if (!metavar().isEmpty()) {
                text.append(' ').append(metavar());
            }
        }
        return text.toString();
    }
}
