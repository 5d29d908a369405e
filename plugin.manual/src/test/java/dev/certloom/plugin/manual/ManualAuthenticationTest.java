package dev.certloom.plugin.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.Identifier;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import dev.certloom.api.plugin.Authentication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualAuthenticationTest {

    private static final Http01Challenge HTTP = new Http01Challenge(
            Identifier.dns("a.example.test"), "tok-1", "tok-1.thumb");
    private static final Dns01Challenge WILDCARD = new Dns01Challenge(
            Identifier.dns("*.b.example.test"), "_acme-challenge.b.example.test", "txt-1");
    private static final Dns01Challenge BASE = new Dns01Challenge(
            Identifier.dns("b.example.test"), "_acme-challenge.b.example.test", "txt-2");

    @TempDir
    Path work;

    private final FakeHookRunner runner = new FakeHookRunner();

    @Test
    void givesTheAuthHookCertbotsEnvironmentForHttp01() throws Exception {
        Authentication authentication = withHooks();

        authentication.perform(List.of(HTTP, BASE));

        assertThat(runner.calls()).hasSize(2);
        assertThat(runner.calls().get(0).command()).isEqualTo("auth");
        assertThat(runner.calls().get(0).environment()).containsExactlyInAnyOrderEntriesOf(
                Map.of("CERTBOT_DOMAIN", "a.example.test",
                        "CERTBOT_VALIDATION", "tok-1.thumb",
                        "CERTBOT_TOKEN", "tok-1",
                        "CERTBOT_REMAINING_CHALLENGES", "1",
                        "CERTBOT_ALL_DOMAINS", "a.example.test,b.example.test"));
    }

    @Test
    void givesDnsHooksTheBaseNameOfAWildcardAndNoToken() throws Exception {
        Authentication authentication = withHooks();

        authentication.perform(List.of(WILDCARD, BASE));

        Map<String, String> first = runner.calls().get(0).environment();
        assertThat(first).containsEntry("CERTBOT_DOMAIN", "b.example.test")
                .containsEntry("CERTBOT_VALIDATION", "txt-1")
                .containsEntry("CERTBOT_REMAINING_CHALLENGES", "1")
                .containsEntry("CERTBOT_ALL_DOMAINS", "b.example.test,b.example.test")
                .doesNotContainKey("CERTBOT_TOKEN");
        assertThat(runner.calls().get(1).environment())
                .containsEntry("CERTBOT_VALIDATION", "txt-2")
                .containsEntry("CERTBOT_REMAINING_CHALLENGES", "0");
    }

    @Test
    void givesTheCleanupHookWhatTheAuthHookPrinted() throws Exception {
        runner.then(0, "  record-17\n", "");
        Authentication authentication = withHooks();
        authentication.perform(List.of(BASE));

        authentication.cleanup(List.of(BASE));

        FakeHookRunner.Call cleanup = runner.calls().get(1);
        assertThat(cleanup.command()).isEqualTo("clean");
        assertThat(cleanup.what()).contains("cleanup hook").contains("b.example.test");
        assertThat(cleanup.environment()).containsEntry("CERTBOT_AUTH_OUTPUT", "record-17")
                .containsEntry("CERTBOT_VALIDATION", "txt-2");
    }

    @Test
    void failsWhenTheAuthHookFailsAndStillCleansThatChallengeUp() throws Exception {
        runner.then(0, "", "").then(3, "half-done", "zone not found\n");
        Authentication authentication = withHooks();

        assertThatThrownBy(() -> authentication.perform(List.of(HTTP, BASE, WILDCARD)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("manual auth hook for b.example.test")
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("zone not found");
        authentication.cleanup(List.of(HTTP, BASE, WILDCARD));

        assertThat(runner.calls()).extracting(FakeHookRunner.Call::command)
                .containsExactly("auth", "auth", "clean", "clean");
        assertThat(runner.calls().get(3).environment())
                .containsEntry("CERTBOT_AUTH_OUTPUT", "half-done");
    }

    @Test
    void runsEveryCleanupHookEvenWhenOneFails() throws Exception {
        Authentication authentication = withHooks();
        authentication.perform(List.of(HTTP, BASE));
        runner.then(1, "", "");

        assertThatThrownBy(() -> authentication.cleanup(List.of(HTTP, BASE)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("manual cleanup hook for a.example.test");
        assertThat(runner.calls()).hasSize(4);
    }

    @Test
    void writesTheValidationCertificateAndKeyPrivatelyForTlsAlpn01() throws Exception {
        TlsAlpn01Challenge alpn = ValidationCertificates.challenge("c.example.test", "ka");
        Authentication authentication = withHooks();

        authentication.perform(List.of(alpn));

        Map<String, String> environment = runner.calls().get(0).environment();
        Path certificate = Path.of(environment.get("CERTBOT_CERT_PATH"));
        Path key = Path.of(environment.get("CERTBOT_KEY_PATH"));
        assertThat(certificate.getParent()).isEqualTo(work);
        assertThat(Files.readString(certificate)).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificate)))
                .isEqualTo("rw-------");
        assertThat(environment.get("CERTBOT_VALIDATION")).isEqualTo(sha256("ka"));
    }

    @Test
    void removesTheValidationFilesAfterTheCleanupHookRan() throws Exception {
        TlsAlpn01Challenge alpn = ValidationCertificates.challenge("c.example.test", "ka");
        Authentication authentication = withHooks();
        authentication.perform(List.of(alpn));

        authentication.cleanup(List.of(alpn));

        assertThat(runner.calls().get(1).environment()).containsKey("CERTBOT_KEY_PATH");
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void runsEveryHookUnderTheRunsHookTimeout() throws Exception {
        FakeContext context = FakeContext.withOptions(work,
                Map.of("auth-hook", "true", "cleanup-hook", "true"))
                .withHookTimeout(Duration.ofSeconds(7));
        Authentication authentication = new ManualAuthenticator(runner).prepare(context);

        authentication.perform(List.of(HTTP));
        authentication.cleanup(List.of(HTTP));

        assertThat(runner.calls()).hasSize(2)
                .allSatisfy(call -> assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void theDescriptionStatesTheCoresDefaultHookTimeout() {
        assertThat(ManualAuthenticator.DESCRIPTION)
                .contains("(default " + HookRunner.DEFAULT_TIMEOUT.toSeconds() + ")");
    }

    @Test
    void tellsThePersonWhatToPublishAndWaitsForEnter() throws Exception {
        FakeContext context = FakeContext.interactive(work, "", "");
        Authentication authentication = new ManualAuthenticator(runner).prepare(context);

        authentication.perform(List.of(HTTP, WILDCARD));

        assertThat(context.output())
                .contains("http://a.example.test/.well-known/acme-challenge/tok-1")
                .contains("tok-1.thumb")
                .contains("_acme-challenge.b.example.test.")
                .contains("txt-1")
                .contains("Press Enter");
        assertThat(runner.calls()).isEmpty();
    }

    @Test
    void failsWhenTheInputEndsBeforeThePersonConfirmed() throws Exception {
        FakeContext context = FakeContext.interactive(work, "");
        Authentication authentication = new ManualAuthenticator(runner).prepare(context);
        List<Challenge> challenges = List.of(HTTP, BASE);

        assertThatThrownBy(() -> authentication.perform(challenges))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("input ended")
                .hasMessageContaining("b.example.test");
    }

    private Authentication withHooks() throws Exception {
        FakeContext context = FakeContext.withOptions(work,
                Map.of("auth-hook", "true", "cleanup-hook", "true"));
        return new ManualAuthentication(context, new HookCalls(runner,
                HookRunner.DEFAULT_TIMEOUT, "auth", "clean"));
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
