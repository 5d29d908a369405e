package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certloom.api.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLocksTest {

    /** Takes the lock the way certbot's lock.py does, reports it, holds it until stdin ends. */
    private static final String HOLD_LIKE_CERTBOT = String.join("\n",
            "import fcntl, os, sys",
            "fd = os.open(sys.argv[1], os.O_CREAT | os.O_WRONLY, 0o600)",
            "fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "print('locked', flush=True)",
            "sys.stdin.read()");
    /** Prints whether another process could take the lock right now. */
    private static final String PROBE = String.join("\n",
            "import fcntl, os, sys",
            "fd = os.open(sys.argv[1], os.O_CREAT | os.O_WRONLY, 0o600)",
            "try:",
            "    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
            "    print('free')",
            "except OSError:",
            "    print('held')");

    @TempDir
    Path temp;

    @Test
    void acquireCreatesMissingFoldersAndTheirLockFiles() throws Exception {
        Path config = temp.resolve("config");
        Path work = temp.resolve("work");

        try (DirectoryLocks locks = DirectoryLocks.acquire(List.of(config, work))) {

            assertThat(locks.lockFiles()).containsExactly(
                    config.toRealPath().resolve(".certbot.lock"),
                    work.toRealPath().resolve(".certbot.lock"));
            assertThat(Files.getPosixFilePermissions(config)).isEqualTo(AtomicFiles.PUBLIC_DIR);
            assertThat(Files.getPosixFilePermissions(config.resolve(".certbot.lock")))
                    .isEqualTo(AtomicFiles.PRIVATE_FILE);
        }
    }

    @Test
    void secondAcquireInTheSameJvmFailsNamingTheFolder() throws Exception {
        Path config = Files.createDirectory(temp.resolve("config"));

        try (DirectoryLocks first = DirectoryLocks.acquire(List.of(config))) {

            assertThatThrownBy(() -> DirectoryLocks.acquire(List.of(config)))
                    .isInstanceOf(StorageException.class)
                    .hasMessage("Another instance of Certbot or Certloom is already running: "
                            + "the folder " + config + " is locked (.certbot.lock).");
        }
    }

    @Test
    void failedSecondAcquireKeepsTheFirstLockHeldForOtherProcesses() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is needed to probe the lock");
        Path config = Files.createDirectory(temp.resolve("config"));

        try (DirectoryLocks first = DirectoryLocks.acquire(List.of(config))) {
            assertThatThrownBy(() -> DirectoryLocks.acquire(List.of(config.resolve("."))))
                    .isInstanceOf(StorageException.class);

            assertThat(probe(config.resolve(".certbot.lock"))).isEqualTo("held");
        }
    }

    @Test
    void closeReleasesTheLockButKeepsTheLockFile() throws Exception {
        Path config = Files.createDirectory(temp.resolve("config"));
        DirectoryLocks.acquire(List.of(config)).close();

        try (DirectoryLocks again = DirectoryLocks.acquire(List.of(config))) {

            assertThat(config.resolve(".certbot.lock")).exists();
        }
        assertThat(config.resolve(".certbot.lock")).exists();
    }

    @Test
    void lockFileLeftBehindWithoutAHolderDoesNotBlock() throws Exception {
        Path config = Files.createDirectory(temp.resolve("config"));
        Files.writeString(config.resolve(".certbot.lock"), "left by a process that died");

        try (DirectoryLocks locks = DirectoryLocks.acquire(List.of(config))) {

            assertThat(locks.lockFiles()).hasSize(1);
        }
    }

    @Test
    void failureOnALaterFolderReleasesTheEarlierOnes() throws Exception {
        Path config = Files.createDirectory(temp.resolve("config"));
        Path work = Files.createDirectory(temp.resolve("work"));
        try (DirectoryLocks held = DirectoryLocks.acquire(List.of(work))) {

            assertThatThrownBy(() -> DirectoryLocks.acquire(List.of(config, work)))
                    .hasMessageContaining("the folder " + work + " is locked");
        }

        try (DirectoryLocks locks = DirectoryLocks.acquire(List.of(config))) {
            assertThat(locks.lockFiles()).hasSize(1);
        }
    }

    @Test
    void folderLockedByACertbotStyleProcessIsRefusedUntilThatProcessEnds() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is needed to hold a lock like certbot");
        Path config = Files.createDirectory(temp.resolve("config"));
        Process holder = new ProcessBuilder("python3", "-c", HOLD_LIKE_CERTBOT,
                config.resolve(".certbot.lock").toString()).redirectErrorStream(true).start();
        try {
            assertThat(firstLine(holder)).isEqualTo("locked");

            assertThatThrownBy(() -> DirectoryLocks.acquire(List.of(config)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("the folder " + config + " is locked (.certbot.lock)");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        try (DirectoryLocks locks = DirectoryLocks.acquire(List.of(config))) {
            assertThat(locks.lockFiles()).hasSize(1);
        }
    }

    @Test
    void lockHeldByCertloomIsSeenByACertbotStyleProcess() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is needed to probe the lock");
        Path config = Files.createDirectory(temp.resolve("config"));

        try (DirectoryLocks locks = DirectoryLocks.acquire(List.of(config))) {
            assertThat(probe(config.resolve(".certbot.lock"))).isEqualTo("held");
        }

        assertThat(probe(config.resolve(".certbot.lock"))).isEqualTo("free");
    }

    private static String probe(Path lockFile) throws Exception {
        Process process = new ProcessBuilder("python3", "-c", PROBE, lockFile.toString())
                .redirectErrorStream(true).start();
        String line = firstLine(process);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return line;
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return reader.readLine();
    }

    private static boolean pythonAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import fcntl")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
