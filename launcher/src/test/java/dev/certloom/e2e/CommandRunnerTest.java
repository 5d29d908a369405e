package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void capturesExitCodeAndBothStreams(@TempDir Path folder) {
        CommandRunner runner = new CommandRunner(folder, Map.of("GREETING", "hello"));

        CommandResult result = runner.run(
                List.of("sh", "-c", "echo \"$GREETING\"; echo oops >&2; exit 3"), "", LIMIT);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("hello\n");
        assertThat(result.errorLines()).containsExactly("oops");
    }

    @Test
    void feedsInputAndClosesIt(@TempDir Path folder) {
        CommandRunner runner = new CommandRunner(folder, Map.of());

        CommandResult result = runner.run(List.of("cat"), "line one\nline two\n", LIMIT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("line one\nline two\n");
    }

    @Test
    void killsACommandThatOutrunsItsLimit(@TempDir Path folder) {
        CommandRunner runner = new CommandRunner(folder, Map.of());

        assertThatThrownBy(() -> runner.run(List.of("sleep", "30"), "", Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was killed");
    }
}
