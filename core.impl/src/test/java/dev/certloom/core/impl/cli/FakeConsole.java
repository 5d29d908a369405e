package dev.certloom.core.impl.cli;

import dev.certloom.api.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A console that records what is printed and asked, and answers from a script. */
final class FakeConsole implements Console {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final boolean interactive;
    private final Deque<String> answers;
    final List<String> prompts = new ArrayList<>();
    Path logsDirectory;
    int verbosity = Integer.MIN_VALUE;

    FakeConsole(boolean interactive, String... answers) {
        this.interactive = interactive;
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    static FakeConsole nonInteractive() {
        return new FakeConsole(false);
    }

    String output() {
        outWriter.flush();
        return out.toString();
    }

    String errors() {
        errWriter.flush();
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
        return interactive;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        prompts.add(prompt);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public void useLogs(Path directory, int level) {
        this.logsDirectory = directory;
        this.verbosity = level;
    }
}
