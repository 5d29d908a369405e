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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a short-lived command to its end, as a user in a shell would: given input (or
 * none, with standard input closed), output captured in files under a folder of the test,
 * a time limit after which the command and its children are killed.
 */
final class CommandRunner {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path outputDirectory;
    private final Map<String, String> environment;

    /**
     * @param outputDirectory an existing folder that receives one pair of output files per
     *                        run
     * @param environment     variables added to this JVM's environment for every run
     */
    CommandRunner(Path outputDirectory, Map<String, String> environment) {
        this.outputDirectory = outputDirectory;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs {@code command} with {@code input} on its standard input.
     *
     * @param command the program and its arguments
     * @param input   text for standard input, which is closed after it; empty for none
     * @param timeout how long the command may run
     * @return what the command left behind
     * @throws IllegalStateException when the command runs longer than {@code timeout}; it
     *                               is killed first
     */
    CommandResult run(List<String> command, String input, Duration timeout) {
        int run = RUNS.incrementAndGet();
        Path stdout = outputDirectory.resolve("run-" + run + ".out");
        Path stderr = outputDirectory.resolve("run-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(outputDirectory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            feed(process, input);
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " ran longer than "
                        + timeout.toSeconds() + " s and was killed; output so far:\n"
                        + Files.readString(stdout) + Files.readString(stderr));
            }
            return new CommandResult(List.copyOf(command), process.exitValue(),
                    Files.readString(stdout), Files.readString(stderr), elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static void feed(Process process, String input) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ended) {
            // The command may end without reading its input; its exit code tells the test.
        }
    }
}
