package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistryFixture;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentParserTest {

    private final ArgumentParser parser = new ArgumentParser(tableWithWebroot());

    /** Words are split at spaces; the result shows {@code name[value]} and positionals. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -d example.org                     | -d[example.org]
            -dexample.org                      | -d[example.org]
            -d=example.org                     | -d[example.org]
            --domains example.org              | --domains[example.org]
            --domains=example.org              | --domains[example.org]
            --domain a.example,b.example       | --domain[a.example,b.example]
            -d a.example -d b.example          | -d[a.example] -d[b.example]
            -v                                 | -v
            -vv                                | -v -v
            -vvv                               | -v -v -v
            --verbose -v                       | --verbose -v
            -vnv                               | -v -n -v
            -nd example.org                    | -n -d[example.org]
            -ndexample.org                     | -n -d[example.org]
            -nvd=x.example                     | -n -v -d[=x.example]
            --agree                            | --agree-tos
            --non                              | --non-interactive
            --noninteractive                   | --noninteractive
            --config-d=/tmp/c                  | --config-dir[/tmp/c]
            --webroot                          | --webroot
            -w /var/www                        | -w[/var/www]
            -w/var/www                         | -w[/var/www]
            --webroot-path=/srv/www            | --webroot-path[/srv/www]
            --webroot-p /srv/www               | --webroot-path[/srv/www]
            --email=-odd@example.org           | --email[-odd@example.org]
            --domains=a=b                      | --domains[a=b]
            --rsa-key-size -1                  | --rsa-key-size[-1]
            --test-cert --staging              | --test-cert --staging
            -m admin@example.org --agree-tos   | -m[admin@example.org] --agree-tos
            certonly -d example.org            | -d[example.org] (certonly)
            -d example.org certonly            | -d[example.org] (certonly)
            -n certonly -d example.org -v      | -n -d[example.org] -v (certonly)
            -d example.org -- -d               | -d[example.org] (-d)
            -                                  | (-)
            """)
    void splitsFlagsAsArgparseDoes(String line, String expected) throws UsageException {
        ParsedArguments parsed = parser.parse(List.of(line.split(" ")));

        assertThat(describe(parsed)).isEqualTo(expected);
    }

    @Test
    void takesAValueWithASpaceEvenWhenItStartsWithADash() throws UsageException {
        ParsedArguments parsed = parser.parse(List.of("--cert-name", "-odd name"));

        assertThat(parsed.values(CoreFlag.CERT_NAME)).containsExactly("-odd name");
    }

    @Test
    void recordsFlagsWithoutValueAsTrue() throws UsageException {
        ParsedArguments parsed = parser.parse(List.of("--agree-tos"));

        assertThat(parsed.values(CoreFlag.AGREE_TOS)).containsExactly(Occurrence.PRESENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --bogus                  | Unknown flag '--bogus'
            -x                       | Unknown flag '-x'
            certonly --bogus=1       | Unknown flag '--bogus=1'
            --web                    | '--web' is ambiguous
            --webroot-                | '--webroot-' is ambiguous
            -d                       | The flag -d needs a value
            -d -n                    | The flag -d needs a value
            --email --agree-tos      | The flag --email needs a value
            -m --bogus               | The flag -m needs a value
            --cert-name              | The flag --cert-name needs a value
            --agree-tos=yes          | --agree-tos takes no value, but 'yes'
            -vx                      | -v takes no value, but 'x'
            -n=x                     | -n takes no value, but 'x'
            """)
    void refusesWhatArgparseRefusesWithOneSentence(String line, String message) {
        assertThatThrownBy(() -> parser.parse(List.of(line.split(" "))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message)
                .hasMessageEndingWith(".");
    }

    @Test
    void namesTheCandidatesOfAnAmbiguousAbbreviation() {
        assertThatThrownBy(() -> parser.parse(List.of("--web")))
                .hasMessageContaining("--webroot")
                .hasMessageContaining("--webroot-path")
                .hasMessageContaining("--webroot-map");
    }

    @Test
    void knowsNoPluginFlagsWhenNoPluginIsPresent() {
        ArgumentParser bare = new ArgumentParser(FlagTable.of(List.of()));

        assertThatThrownBy(() -> bare.parse(List.of("--webroot", "-w", "/srv")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'--webroot'");
    }

    private static FlagTable tableWithWebroot() {
        PluginRegistry registry = new PluginRegistry();
        PluginRegistryFixture.addAuthenticator(registry, "webroot", "Writes files. More.",
                FakeAuthenticator.webroot());
        return FlagTable.of(registry.authenticators());
    }

    private static String describe(ParsedArguments parsed) {
        String flags = parsed.occurrences().stream()
                .map(o -> o.flag().takesValue() ? o.name() + "[" + o.value() + "]" : o.name())
                .collect(Collectors.joining(" "));
        String words = parsed.positionals().stream().map(w -> "(" + w + ")")
                .collect(Collectors.joining(" "));
        return (flags + " " + words).strip();
    }
}
