package dev.certloom.launcher.console;

import dev.certloom.api.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * A console over plain streams: the terminal for the command line, a Gogo session's
 * streams in the shell. Not thread-safe, like every console.
 */
public final class StreamConsole implements Console {

    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final ObjIntConsumer<Path> logSetup;
    private BufferedReader reader;

    /**
     * @param in          where answers come from
     * @param out         where output goes
     * @param err         where warnings and errors go
     * @param interactive whether a person can answer
     * @param logSetup    what to do with the logs folder and verbosity of a command
     */
    public StreamConsole(InputStream in, OutputStream out, OutputStream err,
            boolean interactive, ObjIntConsumer<Path> logSetup) {
        this.in = in;
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        this.interactive = interactive;
        this.logSetup = logSetup;
    }

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
        return interactive;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        out.print(prompt);
        out.flush();
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try {
            return Optional.ofNullable(reader.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the answer", e);
        }
    }

    @Override
    public void useLogs(Path logsDirectory, int verbosity) {
        logSetup.accept(logsDirectory, verbosity);
    }
}
