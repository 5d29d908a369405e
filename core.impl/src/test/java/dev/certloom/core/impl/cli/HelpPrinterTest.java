package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.CertloomException;
import dev.certloom.api.command.CommandService;
import dev.certloom.api.plugin.Installation;
import dev.certloom.api.plugin.Installer;
import dev.certloom.api.plugin.PluginContext;
import dev.certloom.core.impl.plugins.PluginRegistryFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelpPrinterTest {

    private static final List<String> VERBS = List.of("certonly", "certificates", "plugins",
            "register", "show_account");

    @TempDir
    Path folder;

    private CommandFixture fixture;
    private final FakeConsole console = FakeConsole.nonInteractive();

    @BeforeEach
    void setUp() {
        fixture = new CommandFixture(folder);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--help", "-h", "help", "--help --bogus", "-d a.example -h",
        "--help nothing", "-vh"})
    void showsTheOverviewWithEveryVerbAndAuthenticator(String line) {
        int code = help(line);

        String text = console.output();
        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(text).startsWith("usage:\n  certloom [SUBCOMMAND] [options] [-d DOMAIN]");
        for (String verb : VERBS) {
            assertThat(text).containsPattern("(?m)^  " + verb + " +\\S");
        }
        assertThat(text).contains("--standalone", "--webroot", "-d DOMAIN", "--agree-tos",
                "-m EMAIL", "--test-cert", "--dry-run", "-n ", "certonly");
        assertThat(text).contains("'run'");
        assertThat(console.errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--help certonly", "certonly --help", "help certonly",
        "-h auth", "certonly -d a.example -h"})
    void showsAVerbsFlagsAndTheCommonOnes(String line) {
        help(line);

        String text = console.output();
        assertThat(text).startsWith("usage:\n  certloom certonly [options]");
        assertThat(text).contains("-d DOMAIN, --domains DOMAIN, --domain DOMAIN",
                "--cert-name CERTNAME", "-a NAME, --authenticator NAME",
                "--preferred-challenges PREF_CHALLS", "--key-type {rsa,ecdsa}",
                "--test-cert, --staging", "--webroot", "--standalone",
                "-n, --non-interactive, --noninteractive", "--config-dir CONFIG_DIR",
                "(default: /etc/letsencrypt)", "-h, --help [TOPIC]");
        assertThat(text).doesNotContain("--authenticators", "--webroot-path");
    }

    @Test
    void showsAPluginsDescriptionAndOptions() {
        help("--help webroot");

        assertThat(console.output()).isEqualTo("""
                webroot (authenticator):
                  Saves the challenge files under the document root of a running web server. It
                  touches nothing else.

                  --webroot             Use the webroot authenticator: Saves the challenge
                                        files under the document root of a running web server.
                  --webroot-path WEBROOT_PATH, -w WEBROOT_PATH
                                        The document root to write challenge files into.
                  --webroot-map WEBROOT_MAP
                                        Names mapped to document roots, as JSON.
                """);
    }

    @Test
    void showsAnOptionsDefault() {
        help("--help standalone");

        assertThat(console.output()).contains("--http-01-port HTTP_01_PORT",
                "The port to answer HTTP-01 on. (default: 80)", "--standalone-ipv6-only");
    }

    @Test
    void saysAnInstallerHasNoFlagsYet() {
        PluginRegistryFixture.addInstaller(fixture.registry, "apache", "Edits Apache.",
                new Installer() {
                    @Override
                    public Installation prepare(PluginContext context)
                            throws CertloomException {
                        throw new CertloomException("The fake installer takes part in no run.");
                    }
                });

        help("--help apache");

        assertThat(console.output()).isEqualTo("apache (installer):\n  Edits Apache.\n"
                + "  It has no flags: Certloom cannot install certificates yet.\n");
    }

    @Test
    void showsEverythingForAll() {
        help("--help all");

        String text = console.output();
        for (String verb : VERBS) {
            assertThat(text).contains("\n" + verb + ":\n");
        }
        for (CoreFlag flag : CoreFlag.values()) {
            assertThat(text).contains(flag.synopsis());
        }
        assertThat(text).contains("webroot (authenticator):", "standalone (authenticator):",
                "--webroot-map WEBROOT_MAP", "--http-01-port HTTP_01_PORT");
    }

    @Test
    void listsTheSubcommandsForCommands() {
        help("--help commands");

        assertThat(console.output()).isEqualTo("""
                usage:
                  certloom [SUBCOMMAND] [options] [-d DOMAIN] [-d DOMAIN] ...

                subcommands:
                  certonly              Obtain a certificate and save it, without installing it
                  certificates          Show the certificates kept in the configuration folder
                  plugins               List the authenticator and installer plugins present
                  register              Create an account at the CA
                  show_account          Show the account stored for the CA: its URL and e-mail
                                        contacts
                  shell                 Open the Felix Gogo shell, where these subcommands are
                                        commands (certloom:certonly ...); Ctrl-D or 'stop 0'
                                        ends it
                """);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--help", "--help all", "--help certonly", "--help webroot"})
    void fitsEightyColumns(String line) {
        help(line);

        assertThat(console.output().lines()).allSatisfy(l -> assertThat(l).hasSizeLessThan(80));
    }

    @Test
    void forgetsAPluginThatIsGone() {
        PluginRegistryFixture.removeAuthenticator(fixture.registry, fixture.webroot);

        help("--help");

        assertThat(console.output()).contains("--standalone").doesNotContain("webroot");
    }

    @Test
    void saysSoWhenNoAuthenticatorIsInstalled() {
        PluginRegistryFixture.removeAuthenticator(fixture.registry, fixture.webroot);
        PluginRegistryFixture.removeAuthenticator(fixture.registry, fixture.standalone);

        help("--help");

        assertThat(console.output()).contains("No authenticator plugin is installed.");
    }

    private int help(String line) {
        return fixture.service.execute(List.of(line.split(" ")), console);
    }
}
