package dev.certloom.itest;

import dev.certloom.api.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * A console that keeps what a command prints so that a test can read it. Nobody is
 * there to answer, so the core treats the run as {@code --non-interactive}.
 */
final class CapturingConsole implements Console {

    private final StringWriter output = new StringWriter();
    private final StringWriter errors = new StringWriter();
    private final PrintWriter out = new PrintWriter(output, true);
    private final PrintWriter err = new PrintWriter(errors, true);

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    /** Answers like a closed input: there is no one to ask. */
    @Override
    public Optional<String> readLine(String prompt) {
        return Optional.empty();
    }

    /** Returns everything printed to {@link #out()} so far. */
    String output() {
        out.flush();
        return output.toString();
    }

    /** Returns everything printed to {@link #err()} so far. */
    String errors() {
        err.flush();
        return errors.toString();
    }
}
