package dev.certloom.core.impl.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HookCommandCheckTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sh -c 'exit 0'",
        "  true",
        "/bin/sh /etc/whatever",
        "service nginx reload",
    })
    void acceptsCommandsWhoseProgramIsExecutable(String command) {
        assertThatCode(() -> HookCommandCheck.check("pre", command,
                HookCommandCheck.searchPath("/bin")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAProgramMissingFromThePath() {
        assertThatThrownBy(() -> HookCommandCheck.check("post", "no-such-program-x", "/bin"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The --post-hook command no-such-program-x was not found on the "
                        + "PATH (/bin); install it, or give its full path.");
    }

    @Test
    void refusesAPathThatIsNotExecutable() throws IOException {
        Path script = Files.writeString(temp.resolve("hook.sh"), "echo\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> HookCommandCheck.check("deploy", script + " --now", "/bin"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exists but is not an executable file");
    }

    @Test
    void refusesAPathThatDoesNotExist() {
        assertThatThrownBy(() -> HookCommandCheck.check("pre", temp.resolve("gone") + "",
                "/bin"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void searchPathAppendsTheSystemFoldersItLacks() {
        assertThat(HookCommandCheck.searchPath("/opt/bin:/usr/bin")).isEqualTo(
                "/opt/bin:/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/sbin:/bin");
        assertThat(HookCommandCheck.searchPath(null)).isEqualTo(
                String.join(":", HookCommandCheck.SYSTEM_FOLDERS));
    }
}
