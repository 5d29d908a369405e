package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's hooks around {@code certonly}, with certbot's flags and folders: the order
 * they run in, what the deploy hook is told, a failing and a hung hook, and what the
 * renewal configuration keeps. Certificates come from Pebble through the webroot plugin.
 */
class HooksIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void runsFolderAndCommandLineHooksInCertbotsOrderAndSavesThem(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path journal = root.resolve("journal");
        for (String stage : List.of("pre", "deploy", "post")) {
            folderHook(dirs, stage, "50-second", journal, stage + "-folder-50");
            folderHook(dirs, stage, "10-first", journal, stage + "-folder-10");
        }
        String deployHook = "echo \"deploy-command $RENEWED_LINEAGE|$RENEWED_DOMAINS\" >> "
                + journal;
        List<String> names = List.of("hooks.example.test", "www.hooks.example.test");

        CommandResult result = testbed().certloom().run(line(dirs, names,
                "--pre-hook", append(journal, "pre-command"),
                "--post-hook", append(journal, "post-command"),
                "--deploy-hook", deployHook));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(Files.readAllLines(journal)).containsExactly(
                "pre-folder-10", "pre-folder-50", "pre-command",
                "deploy-folder-10", "deploy-folder-50",
                "deploy-command " + dirs.live(names.get(0)) + "|" + String.join(" ", names),
                "post-folder-10", "post-folder-50", "post-command");
        Map<String, String> saved = RenewalConfig.read(dirs.renewalConf(names.get(0)))
                .renewalParams();
        assertThat(saved).containsEntry("pre_hook", append(journal, "pre-command"))
                .containsEntry("post_hook", append(journal, "post-command"))
                .containsEntry("renew_hook", deployHook);
    }

    @Test
    void aFailingPreHookIsReportedAndTheCertificateStillObtained(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path journal = root.resolve("journal");

        CommandResult result = testbed().certloom().run(line(dirs, List.of("prefail.example.test"),
                "--pre-hook", "false", "--post-hook", append(journal, "post-command")));

        // certbot only warns about a failing hook; scripts written for it rely on that.
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).contains("pre hook false", "reported exit code 1");
        assertThat(Files.readAllLines(journal)).containsExactly("post-command");
        assertThat(dirs.live("prefail.example.test").resolve("cert.pem")).exists();
    }

    @Test
    void aHungHookIsCutOffAtTheTimeoutWithNothingLeftBehind(@TempDir Path root)
            throws IOException, InterruptedException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path journal = root.resolve("journal");
        Path pids = root.resolve("pids");
        // A script that starts a background sleep and then hangs itself; the odd durations
        // tell its processes apart from anything else on the machine.
        Path hung = script(root.resolve("hung.sh"), "sleep 3301 &\necho $$ $! > " + pids
                + "\nsleep 3302\n");

        CommandResult result = testbed().certloom().run(line(dirs, List.of("hung.example.test"),
                "--pre-hook", hung.toString(), "--post-hook", append(journal, "post-command"),
                "--hook-timeout", "2"));

        String message = FailureAssertions.assertFailedWithOneSentence(result);
        assertThat(message).contains("pre hook " + hung, "within 2 seconds");
        assertThat(Files.readAllLines(journal)).containsExactly("post-command");
        assertThat(ProcessTable.runningProcesses()).noneMatch(p -> p.contains("sleep 330"));
        for (String pid : Files.readString(pids).trim().split(" ")) {
            assertThat(ProcessTable.running(Long.parseLong(pid))).as("process %s", pid).isFalse();
        }
    }

    @Test
    void aMissingHookCommandIsRefusedBeforeAnyOrder(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path absent = root.resolve("no-such-hook.sh");

        CommandResult result = testbed().certloom().run(line(dirs, List.of("absent.example.test"),
                "--deploy-hook", absent + " --reload"));

        String message = FailureAssertions.assertFailedWithOneSentence(result);
        assertThat(message).contains("--deploy-hook", absent.toString(), "does not exist");
        assertThat(dirs.accountFolders()).isEmpty();
    }

    private static List<String> line(CertbotDirs dirs, List<String> names, String... hooks) {
        List<String> line = new ArrayList<>(testbed().certonly(dirs, names, testbed().webroot()));
        line.addAll(List.of(hooks));
        return line;
    }

    private static String append(Path journal, String text) {
        return "echo " + text + " >> " + journal;
    }

    private static void folderHook(CertbotDirs dirs, String stage, String name, Path journal,
            String text) throws IOException {
        Path folder = Files.createDirectories(dirs.config().resolve("renewal-hooks")
                .resolve(stage));
        script(folder.resolve(name), append(journal, text) + "\n");
    }

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
