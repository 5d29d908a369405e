package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import java.util.List;

/** One verb of the command line, such as {@code certonly}. Implementations are stateless. */
interface Verb {

    /** The rule certbot draws above and below a framed notice. */
    String RULE = "- ".repeat(39) + "-";

    /** Returns the word that selects the verb. */
    String name();

    /** Returns one line for the list of verbs in {@code --help}. */
    String summary();

    /** Returns the synopsis {@code --help VERB} starts with. */
    default String usage() {
        return "certloom " + name() + " [options]";
    }

    /** Returns the flags of this verb that {@code --help VERB} lists, besides the common ones. */
    List<CoreFlag> flags();

    /** Returns whether the verb needs an authenticator, so that help lists them. */
    default boolean choosesAuthenticator() {
        return false;
    }

    /**
     * Runs the verb. The workspace exists and the console already knows its logs folder.
     *
     * @param invocation the options and the console of this command
     * @return the exit code
     * @throws CertloomException when the command fails; the caller prints its message
     */
    int run(Invocation invocation) throws CertloomException;
}
