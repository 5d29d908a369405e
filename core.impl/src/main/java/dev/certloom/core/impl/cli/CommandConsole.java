package dev.certloom.core.impl.cli;

import dev.certloom.api.Console;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The caller's console as the flags of one command shape it: {@code -n} (and {@code -q})
 * forbid questions, {@code --force-interactive} allows them on a console that is not a
 * terminal (as certbot's flag does), {@code -q} silences normal output but never errors.
 * Not thread-safe.
 */
final class CommandConsole implements Console {

    private final Console console;
    private final boolean quiet;
    private final boolean nonInteractive;
    private final boolean forceInteractive;
    private final PrintWriter silence = new PrintWriter(Writer.nullWriter());

    /**
     * @param console        the caller's console
     * @param quiet          whether {@code -q} was given
     * @param nonInteractive   whether questions are forbidden; wins over the next one
     * @param forceInteractive whether to ask even when the console is not a terminal
     */
    CommandConsole(Console console, boolean quiet, boolean nonInteractive,
            boolean forceInteractive) {
        this.console = console;
        this.quiet = quiet;
        this.nonInteractive = nonInteractive;
        this.forceInteractive = forceInteractive;
    }

    @Override
    public PrintWriter out() {
        return quiet ? silence : console.out();
    }

    @Override
    public PrintWriter err() {
        return console.err();
    }

    @Override
    public boolean isInteractive() {
        return !nonInteractive && (forceInteractive || console.isInteractive());
    }

    @Override
    public Optional<String> readLine(String prompt) {
        // The contract forbids asking a non-interactive console; answer "no input" then.
        return isInteractive() ? console.readLine(prompt) : Optional.empty();
    }

    @Override
    public void useLogs(Path logsDirectory, int verbosity) {
        console.useLogs(logsDirectory, verbosity);
    }
}
