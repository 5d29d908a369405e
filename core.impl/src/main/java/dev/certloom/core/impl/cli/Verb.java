package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import java.util.List;

/** One verb of the command line, such as {@code certonly}. Implementations are stateless. */
interface Verb {

    /** Returns the word that selects the verb. */
    String name();

    /** Returns one line for the list of verbs in {@code --help}. */
    String summary();

    /**
     * Runs the verb.
     *
     * @param arguments the whole command line, the verb word included
     * @param console   where output goes
     * @return the exit code
     * @throws CertloomException when the command fails; the caller prints its message
     */
    int run(List<String> arguments, Console console) throws CertloomException;
}
