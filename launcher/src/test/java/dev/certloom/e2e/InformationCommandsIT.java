package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that only inform exit 0 and say what is true of this build. */
class InformationCommandsIT {

    @TempDir
    static Path shared;

    private static Certloom certloom;

    @BeforeAll
    static void prepare() throws IOException {
        certloom = Certloom.plain(Files.createDirectories(shared.resolve("runs")));
    }

    @Test
    void versionPrintsTheVersionTheBuildGaveTheJar() {
        CommandResult result = certloom.run("--version");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout().strip())
                .isEqualTo("certloom " + System.getProperty(Certloom.VERSION_PROPERTY));
    }

    @Test
    void helpListsTheCommandsAndAuthenticatorsPresent() {
        CommandResult result = certloom.run("--help");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe())
                .contains("certonly", "certificates", "plugins", "--webroot", "--standalone");
    }

    @Test
    void helpCertonlyDescribesItsFlags() {
        CommandResult result = certloom.run("--help", "certonly");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe())
                .contains("certonly", "-d ", "--cert-name");
    }

    @Test
    void helpWebrootDescribesTheWebrootPath() {
        CommandResult result = certloom.run("--help", "webroot");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains("-w", "--webroot-path");
    }

    @Test
    void pluginsListsWebrootAndStandalone() {
        CommandResult result = certloom.run("plugins");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe())
                .contains("* webroot", "* standalone");
    }
}
