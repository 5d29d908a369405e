package dev.certloom.core.impl.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.PluginException;
import dev.certloom.api.StorageException;
import dev.certloom.core.impl.testing.PackageLogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CoreHooksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    final PackageLogCapture log = PackageLogCapture.forPackageOf(CoreHooksTest.class);

    @TempDir
    Path temp;

    private Path config;
    private Path journal;
    private final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void createFolders() throws IOException {
        config = Files.createDirectories(temp.resolve("config"));
        journal = temp.resolve("journal");
    }

    @Test
    void runsFolderHooksSortedThenTheCommandLineHookAroundTheStep() throws Exception {
        folderHook("pre", "20-second", "pre-folder-20");
        folderHook("pre", "10-first", "pre-folder-10");
        folderHook("post", "10-only", "post-folder");
        CoreHooks hooks = hooks(settings(append("pre-command"), append("post-command"), null));

        String result = hooks.around("example.org", () -> note("step"));

        assertThat(result).isEqualTo("done");
        assertThat(journal).hasContent(String.join("\n", "pre-folder-10", "pre-folder-20",
                "pre-command", "step", "post-folder", "post-command"));
    }

    @Test
    void skipsEditorBackupsAndFilesThatAreNotExecutable() throws Exception {
        folderHook("pre", "10-hook~", "backup");
        folderHook("pre", "20-hook", "ran");
        Path plain = folderHook("pre", "30-plain", "plain");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));

        hooks(HookSettings.NONE).around("example.org", () -> "done");

        assertThat(journal).hasContent("ran");
    }

    @Test
    void doesNotRunACommandLineHookTwiceWhenItIsAFolderHook() throws Exception {
        Path script = folderHook("post", "10-hook", "once");

        hooks(settings(null, script.toString(), null)).around("example.org", () -> "done");

        assertThat(journal).hasContent("once");
    }

    @Test
    void leavesTheFoldersAloneWithoutDirectoryHooks() throws Exception {
        folderHook("pre", "10-hook", "folder");
        HookSettings settings = new HookSettings(append("command"), null, null, TIMEOUT,
                false, true);

        hooks(settings).around("example.org", () -> "done");

        assertThat(journal).hasContent("command");
    }

    @Test
    void aFailingPreHookIsReportedAndTheStepStillRuns() throws Exception {
        CoreHooks hooks = hooks(settings("exit 4", append("post"), null));

        hooks.around("example.org", () -> note("step"));

        assertThat(journal).hasContent(String.join("\n", "step", "post"));
        assertThat(console.errors()).contains("pre hook exit 4", "reported exit code 4");
    }

    @Test
    void aFailedStepStillRunsThePostHookAndKeepsItsOwnError() throws IOException {
        CoreHooks hooks = hooks(settings(null, append("post"), null));

        assertThatThrownBy(() -> hooks.around("example.org", () -> {
            throw new StorageException("The disk is full.");
        })).isInstanceOf(StorageException.class).hasMessage("The disk is full.");
        assertThat(journal).hasContent("post");
    }

    @Test
    void aFailingPostHookIsAWarningAndTheResultStands() throws Exception {
        CoreHooks hooks = hooks(settings(null, "echo trouble >&2; exit 2", null));

        String result = hooks.around("example.org", () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(console.errors()).contains("reported exit code 2", "trouble");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void deployHooksSeeTheLineageAndTheNames() throws Exception {
        folderHook("deploy", "10-hook", "folder $RENEWED_LINEAGE");
        CoreHooks hooks = hooks(settings(null, null,
                "echo \"command $RENEWED_DOMAINS\" >> '" + journal + "'"));

        hooks.runDeploy("example.org", config.resolve("live/example.org"),
                List.of("example.org", "www.example.org"), false);

        assertThat(journal).hasContent("folder " + config.resolve("live/example.org") + "\n"
                + "command example.org www.example.org");
    }

    @Test
    void aDryRunRunsNoDeployHook() throws Exception {
        CoreHooks hooks = hooks(settings(null, null, append("deploy")));

        hooks.runDeploy("example.org", config.resolve("live/example.org"),
                List.of("example.org"), true);

        assertThat(journal).doesNotExist();
    }

    @Test
    void aHookOverItsTimeoutFailsTheRunNamingIt() {
        HookSettings settings = new HookSettings(null, "sleep 30", null,
                Duration.ofSeconds(1), true, true);

        assertThatThrownBy(() -> hooks(settings).around("example.org", () -> "done"))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("The post hook sleep 30 for example.org did not "
                        + "finish within 1 second");
    }

    @Test
    void validationRefusesAMissingProgramBeforeAnythingRuns() {
        CoreHooks hooks = hooks(settings(null, null, "certloom-absent-program --reload"));

        assertThatThrownBy(hooks::validate)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("The --deploy-hook command certloom-absent-program "
                        + "was not found on the PATH");
    }

    @Test
    void validationCanBeTurnedOff() throws Exception {
        HookSettings settings = new HookSettings("certloom-absent-program", null, null,
                TIMEOUT, true, false);

        hooks(settings).validate();

        assertThat(journal).doesNotExist();
    }

    @Test
    void renewalParamsUseCertbotsKeys() {
        CoreHooks hooks = hooks(settings("a", "b", "c"));

        assertThat(hooks.renewalParams()).containsExactly(
                Map.entry("pre_hook", "a"), Map.entry("post_hook", "b"),
                Map.entry("renew_hook", "c"));
    }

    /** The step under test: notes that it ran, in the journal the hooks write too. */
    private String note(String line) throws StorageException {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StorageException("Cannot write the journal.", e);
        }
        return "done";
    }

    private CoreHooks hooks(HookSettings settings) {
        return new CoreHooks(new ProcessHookRunner(), settings, config, console);
    }

    private static HookSettings settings(String pre, String post, String deploy) {
        return new HookSettings(pre, post, deploy, TIMEOUT, true, true);
    }

    /** A command that appends a line to the journal. */
    private String append(String line) {
        return "echo '" + line + "' >> '" + journal + "'";
    }

    private Path folderHook(String stage, String name, String line) throws IOException {
        Path folder = Files.createDirectories(config.resolve("renewal-hooks").resolve(stage));
        Path script = folder.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho \"" + line + "\" >> '" + journal + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
