package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the test JVM runs as; the harness adapts helper configurations to it. */
final class RunningUser {

    private RunningUser() {
    }

    /** Returns whether the JVM runs with user id 0, as CI does. */
    static boolean isRoot() {
        try {
            // Linux shows a process's own entry in /proc as owned by its effective user.
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell which user runs the tests", e);
        }
    }
}
