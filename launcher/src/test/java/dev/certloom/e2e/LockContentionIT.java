package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs never work on one configuration folder at once: while another process (here
 * Python, locking as certbot does) holds {@code .certbot.lock}, Certloom gives up at once
 * and says which folder is busy; a lock file nobody holds any more does not block.
 */
class LockContentionIT {

    /** Start-up of the JVM and Felix included; waiting for the lock would take minutes. */
    private static final Duration PROMPT_FAILURE = Duration.ofSeconds(5);
    private static final String NAME = "locked.example.test";

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void failsAtOnceWhileAnotherProcessHoldsTheConfigLockThenSucceeds(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Files.createDirectories(dirs.config());
        List<String> command = testbed().certonly(dirs, List.of(NAME), testbed().webroot());
        Certloom certloom = testbed().certloom();
        int ordersBefore = testbed().pebble().orderCount();

        CommandResult blocked;
        try (LockHolder holder = LockHolder.hold(dirs.configLock(), root)) {
            blocked = testbed().certloom().run(command);
        }

        String message = FailureAssertions.assertFailedWithOneSentence(blocked);
        assertThat(message).contains(dirs.config().toString());
        assertThat(blocked.elapsed()).as(blocked.describe()).isLessThan(PROMPT_FAILURE);
        assertThat(testbed().pebble().orderCount()).as("orders placed").isEqualTo(ordersBefore);
        assertThat(dirs.configLock()).as("the stale lock file").exists();

        CommandResult after = testbed().certloom().run(command);

        assertThat(after.exitCode()).as(after.describe()).isZero();
        assertThat(dirs.live(NAME).resolve("fullchain.pem")).isRegularFile();
    }
}
