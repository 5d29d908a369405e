package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void reportsAProcessThatExitsBeforeItIsReadyWithItsLog(@TempDir Path folder) {
        try (ManagedProcess process = ManagedProcess.start("early",
                List.of("sh", "-c", "echo port taken; exit 4"), Map.of(), folder)) {

            assertThatThrownBy(() -> process.awaitReady(LIMIT, () -> false))
                    .isInstanceOf(ManagedProcess.ExitedEarly.class)
                    .hasMessageContaining("exited with code 4")
                    .hasMessageContaining("port taken");
        }
    }

    @Test
    void startsAgainAfterAnEarlyExitUntilTheAttemptsRunOut(@TempDir Path folder) {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ManagedProcess.startAgainWhenItExits(3, () -> {
            attempts.incrementAndGet();
            try (ManagedProcess process = ManagedProcess.start("flaky",
                    List.of("sh", "-c", "exit 1"), Map.of(), folder)) {
                process.awaitReady(LIMIT, () -> false);
                return process;
            }
        })).isInstanceOf(ManagedProcess.ExitedEarly.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void returnsWhenTheProcessSaysItIsReady(@TempDir Path folder) {
        try (ManagedProcess process = ManagedProcess.start("ready",
                List.of("sh", "-c", "echo up; exec sleep 60"), Map.of(), folder)) {

            process.awaitReady(LIMIT, () -> process.logText().contains("up"));

            assertThat(process.isAlive()).isTrue();
        }
    }

    @Test
    void closeStopsTheProcessAndItsChildren(@TempDir Path folder) {
        ManagedProcess process = ManagedProcess.start("parent",
                List.of("sh", "-c", "sleep 60 & echo started; wait"), Map.of(), folder);
        process.awaitReady(LIMIT, () -> process.logText().contains("started"));
        List<ProcessHandle> children = ProcessHandle.of(process.pid()).orElseThrow()
                .descendants().toList();

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }
}
