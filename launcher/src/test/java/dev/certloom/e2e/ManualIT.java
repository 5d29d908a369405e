package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certonly --manual}: hook pairs of the shapes certbot documents (a webroot pair for
 * HTTP-01, a DNS provider's API for DNS-01, played by challtestsrv's management API), the
 * environment the hooks see, wildcards, failures, and the flow without hooks where a
 * person answers on standard input.
 */
class ManualIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void httpHooksWriteTheTokenIntoTheWebrootNginxServes(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path challenges = testbed().nginx().webroot().resolve(".well-known/acme-challenge");
        Path auth = script(root, "auth.sh", "mkdir -p '" + challenges + "'",
                "printf '%s' \"$CERTBOT_VALIDATION\" > '" + challenges
                        + "'/\"$CERTBOT_TOKEN\"");
        Path cleanup = script(root, "cleanup.sh", "rm -f '" + challenges
                + "'/\"$CERTBOT_TOKEN\"");
        String name = "manual-http.example.test";

        CommandResult result = testbed().certloom().run(testbed().certonly(dirs, List.of(name),
                hooks(auth, cleanup, "http")));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(CertificateChecks.dnsNames(certificate(dirs, name))).containsExactly(name);
        assertThat(testbed().nginx().accessLog())
                .containsPattern("\"GET /\\.well-known/acme-challenge/[\\w-]+ HTTP/1\\.1\" 200");
        try (Stream<Path> left = Files.list(challenges)) {
            assertThat(left).as("challenge files left in the webroot").isEmpty();
        }
        // A renewal repeats the same hooks, under certbot's keys.
        assertThat(RenewalConfig.read(dirs.renewalConf(name)).renewalParams())
                .containsEntry("authenticator", "manual")
                .containsEntry("manual_auth_hook", auth.toString())
                .containsEntry("manual_cleanup_hook", cleanup.toString());
    }

    @Test
    void dnsHooksPublishThroughTheProviderApiAndSeeCertbotsEnvironment(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path dumps = Files.createDirectories(root.resolve("env"));
        List<String> names = List.of("d1.manual.example.test", "d2.manual.example.test");

        CommandResult result = testbed().certloom().run(testbed().certonly(dirs, names,
                dnsHooks(root, dumps)));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(CertificateChecks.dnsNames(certificate(dirs, names.get(0))))
                .containsExactlyInAnyOrderElementsOf(names);
        String first = Files.readString(dumps.resolve("auth-1.env"));
        assertThat(first).containsPattern("(?m)^CERTBOT_DOMAIN=d[12]\\.manual\\.example\\.test$")
                .containsPattern("(?m)^CERTBOT_VALIDATION=[\\w-]{43}$")
                .containsPattern("(?m)^CERTBOT_ALL_DOMAINS=d[12]\\.manual\\.example\\.test,"
                        + "d[12]\\.manual\\.example\\.test$")
                .contains("CERTBOT_REMAINING_CHALLENGES=1\n")
                .doesNotContain("CERTBOT_TOKEN=")
                .doesNotContain("CERTBOT_AUTH_OUTPUT=");
        assertThat(Files.readString(dumps.resolve("auth-0.env")))
                .contains("CERTBOT_REMAINING_CHALLENGES=0\n");
        for (String name : names) {
            assertThat(Files.readString(dumps.resolve("cleanup-" + name + ".env")))
                    .contains("CERTBOT_DOMAIN=" + name + "\n")
                    .contains("CERTBOT_AUTH_OUTPUT=_acme-challenge." + name + ".\n");
            assertThat(dumps.resolve("cleared-" + name)).exists();
        }
    }

    @Test
    void issuesAWildcardTogetherWithItsBaseNameThroughDns01(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path dumps = Files.createDirectories(root.resolve("env"));
        List<String> names = List.of("*.x.example.test", "x.example.test");

        CommandResult result = testbed().certloom().run(testbed().certonly(dirs, names,
                dnsHooks(root, dumps)));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        // certbot names the lineage of a wildcard after the name without its "*.".
        Path live = dirs.live("x.example.test").resolve("cert.pem");
        assertThat(CertificateChecks.dnsNames(PemFiles.readCertificates(live).get(0)))
                .containsExactlyInAnyOrderElementsOf(names);
        // Both challenges use the base name's record, as certbot's hooks expect.
        assertThat(Files.readString(dumps.resolve("auth-1.env")))
                .contains("CERTBOT_DOMAIN=x.example.test\n");
    }

    @Test
    void aFailingAuthHookFailsTheRunAndTheCleanupHookStillRuns(@TempDir Path root)
            throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path marker = root.resolve("cleaned");
        Path auth = script(root, "auth.sh", "echo 'the provider refused the record' >&2",
                "exit 7");
        Path cleanup = script(root, "cleanup.sh", "touch '" + marker + "'");

        CommandResult result = testbed().certloom().run(testbed().certonly(dirs,
                List.of("fail.manual.example.test"), hooks(auth, cleanup, "dns")));

        String message = FailureAssertions.assertFailedWithOneSentence(result);
        assertThat(message).contains("manual auth hook for fail.manual.example.test")
                .contains("exit code 7").contains("the provider refused the record");
        assertThat(marker).as("the cleanup hook ran").exists();
    }

    @Test
    void aHungAuthHookIsCutOffAtTheHookTimeoutAndCleanupStillRuns(@TempDir Path root)
            throws IOException, InterruptedException {
        CertbotDirs dirs = CertbotDirs.under(root);
        Path marker = root.resolve("cleaned");
        Path pids = root.resolve("pids");
        // Starts a background sleep, then hangs; the odd durations tell its processes apart.
        Path auth = script(root, "auth.sh", "sleep 3311 &", "echo $$ $! > '" + pids + "'",
                "sleep 3312");
        Path cleanup = script(root, "cleanup.sh", "touch '" + marker + "'");
        List<String> line = new ArrayList<>(testbed().certonly(dirs,
                List.of("hung.manual.example.test"), hooks(auth, cleanup, "dns")));
        line.addAll(List.of("--hook-timeout", "2"));

        CommandResult result = testbed().certloom().run(line);

        String message = FailureAssertions.assertFailedWithOneSentence(result);
        assertThat(message).contains("manual auth hook for hung.manual.example.test")
                .contains("2 seconds");
        assertThat(marker).as("the cleanup hook ran").exists();
        assertThat(ProcessTable.runningProcesses()).noneMatch(p -> p.contains("sleep 331"));
        for (String pid : Files.readString(pids).trim().split(" ")) {
            assertThat(ProcessTable.running(Long.parseLong(pid))).as("process %s", pid).isFalse();
        }
    }

    @Test
    void refusesAMissingHookBeforeAnyOrder(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        int orders = testbed().pebble().orderCount();

        CommandResult result = testbed().certloom().run(testbed().certonly(dirs,
                List.of("missing.manual.example.test"),
                List.of("--manual", "--manual-auth-hook", root.resolve("nope.sh") + " x")));

        String message = FailureAssertions.assertFailedWithOneSentence(result);
        assertThat(message).contains("--manual-auth-hook").contains("nope.sh");
        assertThat(testbed().pebble().orderCount()).isEqualTo(orders);
    }

    @Test
    void refusesToRunWithoutHooksNonInteractively(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);

        CommandResult result = testbed().certloom().run(testbed().certonly(dirs,
                List.of("n.manual.example.test"), List.of("--manual")));

        assertThat(FailureAssertions.assertFailedWithOneSentence(result))
                .contains("--manual-auth-hook");
    }

    @Test
    void walksAPersonThroughDns01OnStandardInput(@TempDir Path root) throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        String name = "person.manual.example.test";
        List<String> line = new ArrayList<>(List.of("certonly", "--force-interactive",
                "--agree-tos", "-m", AcmeTestbed.EMAIL,
                "--server", testbed().pebble().directoryUrl().toString()));
        line.addAll(dirs.flags());
        line.addAll(List.of("-d", name, "--manual", "--preferred-challenges", "dns"));
        Pattern instructions = Pattern.compile(
                "TXT record named\\s+(\\S+)\\.\\s+with the value\\s+(\\S+)");

        try (ManagedProcess run = testbed().certloom().start("interactive", line)) {
            run.awaitReady(Duration.ofMinutes(1),
                    () -> run.logText().contains("Press Enter"));
            Matcher asked = instructions.matcher(run.logText());
            assertThat(asked.find()).as(run.logText()).isTrue();
            testbed().dns().addTxt(asked.group(1), asked.group(2));
            try (OutputStream input = run.input()) {
                input.write("\n".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(run.awaitExit(Duration.ofMinutes(1))).as(run.logText()).isZero();
            testbed().dns().clearTxt(asked.group(1));
        }
        assertThat(CertificateChecks.dnsNames(certificate(dirs, name))).containsExactly(name);
    }

    /** Returns the DNS-01 hook pair: set and clear a TXT record through the API, with dumps. */
    private static List<String> dnsHooks(Path root, Path dumps) throws IOException {
        String api = testbed().dns().managementUrl();
        Path auth = script(root, "dns-auth.sh",
                "env > '" + dumps + "'/auth-\"$CERTBOT_REMAINING_CHALLENGES\".env",
                "host=\"_acme-challenge.$CERTBOT_DOMAIN.\"",
                "curl -sS -f -o /dev/null -d \"{\\\"host\\\":\\\"$host\\\","
                        + "\\\"value\\\":\\\"$CERTBOT_VALIDATION\\\"}\" " + api + "/set-txt",
                "echo \"$host\"");
        Path cleanup = script(root, "dns-cleanup.sh",
                "env > '" + dumps + "'/cleanup-\"$CERTBOT_DOMAIN\".env",
                "curl -sS -f -o /dev/null -d \"{\\\"host\\\":\\\"$CERTBOT_AUTH_OUTPUT\\\"}\" "
                        + api + "/clear-txt",
                "touch '" + dumps + "'/cleared-\"$CERTBOT_DOMAIN\"");
        return hooks(auth, cleanup, "dns");
    }

    private static List<String> hooks(Path auth, Path cleanup, String challenge) {
        return List.of("--manual", "--manual-auth-hook", auth.toString(),
                "--manual-cleanup-hook", cleanup.toString(),
                "--preferred-challenges", challenge);
    }

    /** Writes an executable shell script that stops at the first failing command. */
    private static Path script(Path folder, String name, String... lines) throws IOException {
        Path script = folder.resolve(name);
        Files.writeString(script, "#!/bin/sh\nset -e\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static X509Certificate certificate(CertbotDirs dirs, String lineage) {
        return PemFiles.readCertificates(dirs.live(lineage).resolve("cert.pem")).get(0);
    }
}
