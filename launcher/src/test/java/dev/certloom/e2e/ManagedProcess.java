package dev.certloom.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A long-running helper process (Pebble, challtestsrv, nginx, a lock holder) whose
 * standard output and error go to one log file. {@link #close()} always stops it and
 * everything it started: a polite signal first, a kill after a grace period. A shutdown
 * hook stops whatever is still alive if the test JVM ends without closing it.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int TAIL_CHARS = 2_000;
    private static final Set<ManagedProcess> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> List.copyOf(ALIVE).forEach(ManagedProcess::close),
                        "certloom-e2e-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} with the given extra environment, logging into
     * {@code logDirectory/<name>.log}.
     *
     * @param name         a short name for messages and the log file, such as {@code pebble}
     * @param command      the program and its arguments
     * @param environment  variables added to this JVM's environment; may be empty
     * @param logDirectory an existing folder for the log file
     * @throws UncheckedIOException when the program cannot be started
     */
    static ManagedProcess start(String name, List<String> command,
            Map<String, String> environment, Path logDirectory) {
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            ManagedProcess started = new ManagedProcess(name, builder.start(), log);
            ALIVE.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (" + command.get(0)
                    + "); is it installed? scripts/test-deps.sh installs it", e);
        }
    }

    /**
     * Runs {@code start} until it returns a started helper, at most {@code attempts} times:
     * a helper that exits while starting, as when another process took the free port it
     * was given, gets another try with new ports.
     *
     * @throws ExitedEarly from the last attempt when every attempt exited
     */
    static <T> T startAgainWhenItExits(int attempts, Supplier<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.get();
            } catch (ExitedEarly e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    /**
     * Returns once {@code probe} holds.
     *
     * @throws ExitedEarly           when the process exits first, as when its port was taken
     * @throws IllegalStateException when the time runs out; the message ends with the tail
     *                               of its log
     */
    void awaitReady(Duration timeout, Polling.Probe probe) {
        try {
            Polling.await(name + " ready", timeout, () -> {
                if (!process.isAlive()) {
                    throw new ExitedEarly(name + " exited with code " + process.exitValue()
                            + "; its log ends with: " + logTail());
                }
                return probe.holds();
            });
        } catch (Polling.TimedOut e) {
            throw new IllegalStateException(e.getMessage() + "; " + name
                    + "'s log ends with: " + logTail(), e);
        }
    }

    /** Returns whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the operating system's id of the process. */
    long pid() {
        return process.pid();
    }

    /** Returns the process's standard input, for helpers that wait on it. */
    OutputStream input() {
        return process.getOutputStream();
    }

    /** Returns everything the process wrote so far. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    /** Returns the log file. */
    Path log() {
        return log;
    }

    /**
     * Waits for the process to end on its own.
     *
     * @return its exit code
     * @throws IllegalStateException when it still runs after {@code timeout}
     */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after "
                        + timeout.toSeconds() + " s; its log ends with: " + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /** Stops the process and its descendants; safe to call more than once. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        stop(process.toHandle());
        descendants.forEach(ManagedProcess::stop);
        ALIVE.remove(this);
    }

    /** The process ended while it was expected to come up. */
    static final class ExitedEarly extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        ExitedEarly(String message) {
            super(message);
        }
    }

    private static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (ExecutionException | TimeoutException stillRunning) {
            // It ignored the polite signal within the grace period.
            handle.destroyForcibly();
        }
    }

    private String logTail() {
        String text = logText();
        return text.length() <= TAIL_CHARS ? text : text.substring(text.length() - TAIL_CHARS);
    }
}
