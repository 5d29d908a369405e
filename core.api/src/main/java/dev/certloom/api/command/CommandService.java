package dev.certloom.api.command;

import dev.certloom.api.Console;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs Certloom's commands with certbot's syntax. The launcher calls it from the main
 * thread, the Gogo shell from its session; both mean the same thing by the same words.
 * Thread-safe.
 */
@ProviderType
public interface CommandService {

    /** Exit code of a command that succeeded. */
    int OK = 0;
    /** Exit code of a command that failed; the console's error stream says why. */
    int FAILED = 1;
    /** Exit code of a command line that could not be understood. */
    int USAGE = 2;

    /**
     * Runs one command line, such as {@code certonly -d example.org --webroot -w /srv}.
     * Failures are reported on {@code console.err()} as one sentence; nothing is thrown.
     *
     * @param arguments the words after the program name; the verb may be anywhere, as
     *                  with certbot, and defaults to {@code run}
     * @param console   where output and questions go
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    int execute(List<String> arguments, Console console);

    /** Returns the verbs this service understands, such as {@code certonly}. */
    List<String> verbs();
}
