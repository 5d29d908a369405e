package dev.certloom.plugin.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.PluginOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManualAuthenticatorTest {

    @TempDir
    Path work;

    private final ManualAuthenticator authenticator =
            new ManualAuthenticator(new FakeHookRunner());

    @Test
    void supportsEveryChallengeType() {
        assertThat(authenticator.challengeTypes())
                .containsExactlyInAnyOrder(ChallengeType.values());
    }

    @ParameterizedTest
    @CsvSource({
        "auth-hook, --manual-auth-hook, manual_auth_hook",
        "cleanup-hook, --manual-cleanup-hook, manual_cleanup_hook",
        "public-ip-logging-ok, --manual-public-ip-logging-ok, manual_public_ip_logging_ok"})
    void usesCertbotsFlagsAndRenewalKeys(String name, String flag, String renewalKey) {
        PluginOption option = authenticator.options().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow();

        assertThat(option.flags()).containsExactly(flag);
        assertThat(option.renewalKey()).isEqualTo(renewalKey);
    }

    @Test
    void refusesANonInteractiveRunWithoutAnAuthHook() {
        FakeContext context = FakeContext.withOptions(work, Map.of());

        assertThatThrownBy(() -> authenticator.prepare(context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("non-interactive")
                .hasMessageContaining("--manual-auth-hook");
    }

    @Test
    void acceptsAnInteractiveRunWithoutHooks() throws Exception {
        FakeContext context = FakeContext.interactive(work);

        assertThat(authenticator.prepare(context)).isNotNull();
    }

    @Test
    void refusesAnAuthHookWhoseProgramDoesNotExist() {
        FakeContext context = FakeContext.withOptions(work,
                Map.of("auth-hook", work.resolve("missing.sh") + " --flag"));

        assertThatThrownBy(() -> authenticator.prepare(context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--manual-auth-hook")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesACleanupHookThatIsNotExecutable() throws IOException {
        Path script = Files.writeString(work.resolve("clean.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        FakeContext context = FakeContext.withOptions(work,
                Map.of("auth-hook", "true", "cleanup-hook", script.toString()));

        assertThatThrownBy(() -> authenticator.prepare(context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--manual-cleanup-hook")
                .hasMessageContaining("not executable");
    }

    @Test
    void refusesAnAuthHookProgramThatIsNotOnThePath() {
        FakeContext context = FakeContext.withOptions(work,
                Map.of("auth-hook", "certloom-no-such-program-anywhere"));

        assertThatThrownBy(() -> authenticator.prepare(context))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not on the PATH");
    }

    @Test
    void acceptsAnExecutableScriptAndAProgramOnThePath() throws Exception {
        Path script = Files.writeString(work.resolve("auth.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        FakeContext context = FakeContext.withOptions(work,
                Map.of("auth-hook", script.toString(), "cleanup-hook", "sh -c true"));

        assertThat(authenticator.prepare(context)).isNotNull();
    }
}
