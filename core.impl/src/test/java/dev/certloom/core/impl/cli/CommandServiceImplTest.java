package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.PluginException;
import dev.certloom.api.StorageException;
import dev.certloom.api.command.CommandService;
import dev.certloom.core.impl.plugins.PluginRegistryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandServiceImplTest {

    @TempDir
    Path folder;

    private CommandFixture fixture;
    private final FakeConsole console = FakeConsole.nonInteractive();

    @BeforeEach
    void setUp() {
        fixture = new CommandFixture(folder);
    }

    @Test
    void offersTheVerbsThatExist() {
        assertThat(fixture.service.verbs())
                .containsExactly("certonly", "certificates", "plugins", "register",
                        "show_account");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --version
            certonly --version
            --bogus --version
            """)
    void printsTheVersionAnywhereOnTheLine(String line) {
        int code = fixture.service.execute(List.of(line.split(" ")), console);

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.output()).isEqualTo("certloom 1.2.3\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -d a.example                 | 'run' (what certbot does without a subcommand)
            run -d a.example             | 'run' (what certbot does without a subcommand)
            everything                   | 'run' (what certbot does without a subcommand)
            renew                        | The subcommand 'renew' is not available
            frobnicate                   | Unknown subcommand 'frobnicate'
            certonly frobnicate          | Unexpected word 'frobnicate'
            certonly --bogus             | Unknown flag '--bogus'
            certificates --dry-run       | --dry-run works only with certonly
            certonly -d                  | The flag -d needs a value
            certificates --http-01-port x | The --http-01-port value 'x' is not a whole number
            """)
    void answersUsageErrorsWithOneSentenceAndCodeTwo(String line, String message) {
        int code = fixture.run(console, line.split(" "));

        assertThat(code).isEqualTo(CommandService.USAGE);
        assertThat(console.errors()).contains(message).hasLineCount(1);
        assertThat(console.output()).isEmpty();
    }

    @Test
    void refusesAPathValueThatNoFileSystemTakes() {
        int code = fixture.run(console, "certificates", "-w", "a\0b");

        assertThat(code).isEqualTo(CommandService.USAGE);
        assertThat(console.errors()).contains("The -w value").contains("not a usable path");
    }

    @Test
    void findsTheVerbAnywhere() {
        int code = fixture.run(console, "-d", "a.example", "--webroot", "-w", "/srv",
                "certonly", "-n");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.engine.obtained.names()).containsExactly("a.example");
        assertThat(fixture.log.lines()).startsWith("INFO Running certonly for a.example");
    }

    @Test
    void takesCertbotsAuthAsCertonly() {
        int code = fixture.run(console, "auth", "-d", "a.example", "--standalone");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.engine.obtained.authenticator()).isEqualTo("standalone");
    }

    @Test
    void createsTheFoldersAndDirectsTheLogBeforeTheVerbRuns() {
        int code = fixture.run(console, "certificates", "-vv");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.config()).isDirectory();
        assertThat(folder.resolve("work")).isDirectory();
        assertThat(console.logsDirectory).isEqualTo(fixture.logs());
        assertThat(console.verbosity).isEqualTo(2);
        assertThat(fixture.engine.workspace.configDir()).isEqualTo(fixture.config());
    }

    @Test
    void lowersTheVerbosityBelowZeroWhenQuiet() {
        fixture.run(console, "certificates", "-q");

        assertThat(console.verbosity).isEqualTo(-1);
        assertThat(console.output()).isEmpty();
    }

    @Test
    void reportsAFailureOfTheEngineAsOneSentenceWithCodeOne() {
        fixture.engine.failure = new StorageException("The lock on /x is held by another run.",
                new IllegalStateException("inner"));

        int code = fixture.run(console, "certonly", "-d", "a.example", "--webroot", "-w", "/s");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).isEqualTo("The lock on /x is held by another run.\n");
        assertThat(fixture.log.lines()).contains("SEVERE certonly failed for a.example: "
                + "The lock on /x is held by another run.");
        assertThat(fixture.log.thrown(Level.SEVERE)).isEmpty();
        assertThat(fixture.log.thrown(Level.FINE)).containsExactly(fixture.engine.failure);
    }

    @Test
    void addsThePluginsHintBelowItsSentence() {
        fixture.engine.failure = new PluginException("The CA could not fetch the file.",
                "Check that port 80 reaches this host.", null);

        int code = fixture.run(console, "certonly", "-d", "a.example", "--webroot", "-w", "/s");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).isEqualTo(
                "The CA could not fetch the file.\nCheck that port 80 reaches this host.\n");
    }

    @Test
    void printsNoStackTraceForAnUnexpectedFailure() {
        fixture.engine.lineages = null;

        int code = fixture.run(console, "certificates");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).contains("failed unexpectedly").hasLineCount(1)
                .doesNotContain("\tat ");
    }

    @Test
    void refusesAnInvalidNameWithCodeOne() {
        int code = fixture.run(console, "certonly", "-d", "a.example,under_score.example",
                "--webroot");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).contains("'under_score.example'").hasLineCount(1);
        assertThat(fixture.engine.obtained).isNull();
    }

    @Test
    void readsPluginFlagsFromTheRegistryAtEachCommand() {
        PluginRegistryFixture.removeAuthenticator(fixture.registry, fixture.webroot);

        int code = fixture.run(console, "certonly", "-d", "a.example", "--webroot");

        assertThat(code).isEqualTo(CommandService.USAGE);
        assertThat(console.errors()).contains("Unknown flag '--webroot'");
    }

    @Test
    void reportsAFolderThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(folder.resolve("file"), "not a folder");

        int code = fixture.service.execute(List.of("certificates", "--config-dir",
                file.resolve("config").toString(), "--work-dir", folder.resolve("w").toString(),
                "--logs-dir", folder.resolve("l").toString()), console);

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).contains("Cannot create the folder").hasLineCount(1);
    }
}
