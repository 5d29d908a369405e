package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.CertloomException;
import dev.certloom.api.plugin.Installation;
import dev.certloom.api.plugin.Installer;
import dev.certloom.api.plugin.PluginContext;
import dev.certloom.core.impl.plugins.PluginRegistryFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginsVerbTest {

    private static final String RULE = "- - - - - - - - - - - - - - - - - - - - "
            + "- - - - - - - - - - - - - - - - - - - -";

    @TempDir
    Path folder;

    private CommandFixture fixture;
    private final FakeConsole console = FakeConsole.nonInteractive();

    @BeforeEach
    void setUp() {
        fixture = new CommandFixture(folder);
        Installer installer = new Installer() {
            @Override
            public Installation prepare(PluginContext context) throws CertloomException {
                throw new CertloomException("The fake installer takes part in no run.");
            }
        };
        PluginRegistryFixture.addInstaller(fixture.registry, "standalone", "Unused.", installer);
        PluginRegistryFixture.addInstaller(fixture.registry, "apache", "Edits Apache.",
                installer);
    }

    @Test
    void listsEachPluginOnceWithItsRolesAsCertbotDoes() {
        fixture.run(console, "plugins");

        assertThat(console.output()).isEqualTo("\n" + RULE + "\n"
                + "* apache\nDescription: Edits Apache.\nInterfaces: Installer\n\n"
                + "* standalone\n"
                + "Description: Answers challenges from a server of its own on port 80.\n"
                + "Interfaces: Authenticator, Installer\n\n"
                + "* webroot\n"
                + "Description: Saves the challenge files under the document root of a "
                + "running web server. It touches nothing else.\n"
                + "Interfaces: Authenticator\n"
                + RULE + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --authenticators              | standalone webroot
            --installers                  | apache standalone
            --authenticators --installers | standalone
            """)
    void narrowsTheListByRole(String filter, String names) {
        String[] words = ("plugins " + filter).split(" ");

        fixture.run(console, words);

        assertThat(String.join(" ", console.output().lines().filter(l -> l.startsWith("* "))
                .map(l -> l.substring(2)).toList())).isEqualTo(names);
    }
}
