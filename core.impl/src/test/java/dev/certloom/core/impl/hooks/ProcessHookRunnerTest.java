package dev.certloom.core.impl.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.PluginException;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.hook.HookRunner.HookResult;
import dev.certloom.core.impl.testing.PackageLogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProcessHookRunnerTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final HookRunner runner = new ProcessHookRunner();

    @RegisterExtension
    final PackageLogCapture log = PackageLogCapture.forPackageOf(ProcessHookRunnerTest.class);

    @TempDir
    Path temp;

    @Test
    void returnsExitCodeAndBothOutputs() throws Exception {
        HookResult result = runner.run("a test hook", "echo out; echo err >&2; exit 3",
                Map.of(), GENEROUS);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).isEqualTo("out\n");
        assertThat(result.errors()).isEqualTo("err\n");
    }

    @Test
    void passesTheGivenVariablesAndKeepsTheProcessEnvironment() throws Exception {
        String value = "a.example.org b.example.org; $(touch pwned)";

        HookResult result = runner.run("a test hook",
                "printf '%s|%s' \"$RENEWED_DOMAINS\" \"${PATH:+has-path}\"",
                Map.of("RENEWED_DOMAINS", value), GENEROUS);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo(value + "|has-path");
    }

    @Test
    void givesTheHookAClosedStandardInput() throws Exception {
        HookResult result = runner.run("a test hook", "cat; echo done", Map.of(), GENEROUS);

        assertThat(result.output()).isEqualTo("done\n");
    }

    @Test
    void keepsAtMostTheLimitOfAChattyHookAndStillSeesItsExit() throws Exception {
        // Eight times the limit on each stream: far more than a pipe buffer holds.
        String command = "head -c " + 8 * HookRunner.OUTPUT_LIMIT + " /dev/zero | tr '\\0' a;"
                + " head -c " + 8 * HookRunner.OUTPUT_LIMIT + " /dev/zero | tr '\\0' b >&2;"
                + " exit 0";

        HookResult result = runner.run("a chatty hook", command, Map.of(), GENEROUS);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).hasSize(HookRunner.OUTPUT_LIMIT).matches("a+");
        assertThat(result.errors()).hasSize(HookRunner.OUTPUT_LIMIT).matches("b+");
    }

    @Test
    void aMissingCommandExitsWith127() throws Exception {
        HookResult result = runner.run("a test hook", "certloom-no-such-command-here",
                Map.of(), GENEROUS);

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.errors()).contains("certloom-no-such-command-here");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHungHookIsStoppedAtTheTimeoutWithEverythingItStarted() throws Exception {
        Path pids = temp.resolve("pids");
        // The shell records its own pid (its process group) and a background child's, then
        // hangs; the child ignores SIGTERM so that only the SIGKILL stage can end it.
        String command = "(trap '' TERM; sleep 300) & echo $$ $! > '" + pids + "'; sleep 300";

        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run("the hung test hook", command, Map.of(),
                Duration.ofSeconds(1)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("The hung test hook")
                .hasMessageContaining("within 1 second");
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        List<String> ids = List.of(Files.readString(pids).trim().split(" "));
        assertThat(elapsed).isLessThan(10);
        assertThat(log.all()).anyMatch(line -> line.contains("ran into its timeout"));
        assertThat(runningInGroup(ids.get(0))).isEmpty();
        assertThat(ProcessHandle.of(Long.parseLong(ids.get(1)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> !isZombie(p.pid())))
                .isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBackgroundChildStillHoldingTheOutputDoesNotHoldTheHook() throws Exception {
        HookResult result = runner.run("a test hook starting a server",
                "sleep 300 & echo $!", Map.of(), GENEROUS);

        long child = Long.parseLong(result.output().trim());
        boolean childRunning = ProcessHandle.of(child).map(ProcessHandle::destroyForcibly)
                .orElse(false);
        assertThat(result.succeeded()).isTrue();
        assertThat(childRunning).as("the hook's background child was left running").isTrue();
    }

    @Test
    void aChildThatLetGoOfTheOutputDoesNotHoldTheHook() throws Exception {
        HookResult result = runner.run("a daemonizing test hook",
                "sleep 1 >/dev/null 2>&1 & echo started", Map.of(), GENEROUS);

        assertThat(result.output()).isEqualTo("started\n");
    }

    /** Lists the group's processes as ps sees them, zombies (reaped by nobody) left out. */
    private static List<String> runningInGroup(String group) throws IOException,
            InterruptedException {
        Process ps = new ProcessBuilder("ps", "-e", "-o", "pgid=,pid=,stat=,args=")
                .redirectErrorStream(true).start();
        String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        return listing.lines()
                .map(String::trim)
                .filter(line -> line.split("\\s+")[0].equals(group))
                .filter(line -> !line.split("\\s+")[2].startsWith("Z"))
                .toList();
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
