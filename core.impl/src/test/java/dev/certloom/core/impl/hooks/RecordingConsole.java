package dev.certloom.core.impl.hooks;

import dev.certloom.api.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/** A console without a person that keeps what hooks and warnings print. */
final class RecordingConsole implements Console {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);

    String output() {
        return out.toString();
    }

    String errors() {
        return err.toString();
    }

    @Override
    public PrintWriter out() {
        return outWriter;
    }

    @Override
    public PrintWriter err() {
        return errWriter;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        return Optional.empty();
    }
}
