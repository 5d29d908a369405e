package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Another process holding a lock file the way certbot does: an exclusive POSIX record
 * lock ({@code fcntl.lockf}) from Python, kept until {@link #close()}. The lock file is
 * left behind afterwards, stale, as when certbot is killed.
 */
final class LockHolder implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String HELD = "held";
    // Opens (creating if needed) and locks the file, says so, then waits for its standard
    // input to close; exiting releases the lock and keeps the file.
    private static final String SCRIPT = String.join("\n",
            "import fcntl, os, sys",
            "fd = os.open(sys.argv[1], os.O_CREAT | os.O_WRONLY, 0o600)",
            "fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "print('" + HELD + "', flush=True)",
            "sys.stdin.read()");

    private final ManagedProcess process;

    private LockHolder(ManagedProcess process) {
        this.process = process;
    }

    /**
     * Locks {@code lockFile} from a {@code python3} process and returns once it is held.
     *
     * @param lockFile     the file to lock, in an existing folder
     * @param logDirectory an existing folder for the helper's output
     * @throws IllegalStateException when the lock cannot be taken
     */
    static LockHolder hold(Path lockFile, Path logDirectory) {
        ManagedProcess process = ManagedProcess.start("lock-holder",
                List.of("python3", "-c", SCRIPT, lockFile.toString()), Map.of(), logDirectory);
        try {
            process.awaitReady(TIMEOUT, () -> process.logText().contains(HELD));
            return new LockHolder(process);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /**
     * Lets the holder exit, which releases the lock, and waits until it has.
     *
     * @throws IllegalStateException when it does not exit in time
     */
    @Override
    public void close() {
        try {
            process.input().close();
            process.awaitExit(TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell the lock holder to exit", e);
        } finally {
            process.close();
        }
    }
}
