package dev.certloom.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a finished command left behind.
 *
 * @param command  the program and arguments that ran
 * @param exitCode its exit code
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 * @param elapsed  wall-clock time from start to exit
 */
record CommandResult(List<String> command, int exitCode, String stdout, String stderr,
        Duration elapsed) {

    /** Returns standard output followed by standard error. */
    String output() {
        return stdout + stderr;
    }

    /** Returns the lines of standard error that are not blank. */
    List<String> errorLines() {
        return Arrays.stream(stderr.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    /** Describes the run for assertion messages: command, exit code and both streams. */
    String describe() {
        return String.join(" ", command) + "\nexit code " + exitCode + " after "
                + elapsed.toMillis() + " ms\n--- stdout ---\n" + stdout
                + "\n--- stderr ---\n" + stderr;
    }
}
