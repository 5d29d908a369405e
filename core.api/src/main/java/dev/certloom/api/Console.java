package dev.certloom.api;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command talks to the person who started it. The caller provides it: the
 * launcher over the terminal, the Gogo shell over its session, an appliance over
 * whatever it has. The core never touches {@code System.in} or {@code System.out}.
 *
 * <p>Implementations need not be thread-safe; the core uses one console from one thread
 * at a time.
 */
public interface Console {

    /** Returns the stream for what the user asked to see, never {@code null}. */
    PrintWriter out();

    /** Returns the stream for warnings and errors, never {@code null}. */
    PrintWriter err();

    /**
     * Returns whether a person is there to answer questions. When {@code false} the core
     * behaves as with {@code --non-interactive} and never calls {@link #readLine}.
     */
    boolean isInteractive();

    /**
     * Shows a prompt and reads one line of the answer.
     *
     * @param prompt the text shown before the answer, never {@code null}
     * @return the line without its terminator, or empty at the end of the input
     */
    Optional<String> readLine(String prompt);

    /**
     * Tells the caller, once per command and before any work, which logs folder the
     * command uses and how much the user wants to see, so that it can direct the log
     * there. Verbosity is 0 by default, raised by each {@code -v} and negative with
     * {@code -q}. The default does nothing: an appliance keeps its own logging.
     *
     * @param logsDirectory the logs folder, which exists
     * @param verbosity     the requested verbosity
     */
    default void useLogs(Path logsDirectory, int verbosity) {
    }
}
