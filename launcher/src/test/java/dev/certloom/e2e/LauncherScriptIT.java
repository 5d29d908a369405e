package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code certloom} script beside the jar, the command the README tells users to run:
 * its first run writes the class-data archive into the cache folder, later runs use it,
 * and the commands behave as with {@code java -jar}.
 */
class LauncherScriptIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void writesTheClassArchiveOnceAndRunsCommandsWithIt(@TempDir Path root) {
        Path cache = root.resolve("cache");
        CommandRunner runner = new CommandRunner(root,
                Map.of("CERTLOOM_CACHE_DIR", cache.toString()));
        List<String> plugins = List.of(script().toString(), "plugins");

        CommandResult first = runner.run(plugins, "", TIMEOUT);
        List<Path> archives = archives(cache);
        CommandResult second = runner.run(plugins, "", TIMEOUT);

        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.stdout()).contains("* webroot", "* standalone");
        assertThat(archives).hasSize(1);
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.stderr()).isEmpty();
        assertThat(archives(cache)).isEqualTo(archives);
    }

    @Test
    void passesTheExitCodeOfAFailedCommandOn(@TempDir Path root) {
        CommandRunner runner = new CommandRunner(root,
                Map.of("CERTLOOM_CACHE_DIR", root.resolve("cache").toString()));

        CommandResult result = runner.run(
                List.of(script().toString(), "certonly", "--no-such-flag"), "", TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("--no-such-flag");
    }

    private static Path script() {
        return Certloom.jar().resolveSibling("certloom");
    }

    private static List<Path> archives(Path cache) {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
