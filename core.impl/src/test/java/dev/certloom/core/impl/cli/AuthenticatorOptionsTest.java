package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistryFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticatorOptionsTest {

    private final FakeAuthenticator webroot = FakeAuthenticator.webroot();
    private final FakeAuthenticator standalone = FakeAuthenticator.standalone();
    private final ArgumentParser parser = new ArgumentParser(table());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -w /a -d a.example -d b.example -w /b -d c.example | a=/a b=/a c=/b
            -d a.example -w /a                                 | a=/a
            -d a.example -w /a -d b.example                    | a=/a b=/a
            -w /a -w /b -d a.example                           | a=/b
            -w /a -d a.example,b.example -w /b -d a.example    | a=/a b=/a
            --webroot-path=/a -d a.example -w/b -d b.example   | a=/a b=/b
            -w /a -d Bücher.example.                           | xn--bcher-kva=/a
            -w /a -d a.example -w /b                           | a=/a
            -d a.example                                       | ''
            """)
    void assignsEachNameTheValueBeforeItAsCertbotsWebrootDoes(String line, String expected)
            throws ConfigurationException {
        OptionValues values = collect(webroot, line, List.of());

        assertThat(describe(values.perDomain("path"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -d a.example -w /a -w /b                 | -w
            -d a.example -w /a -d b.example -w /b    | -w
            -d a.example --webroot-path /a -w /b     | -w
            -d a.example -w /a --webroot-path /b     | --webroot-path
            """)
    void refusesSeveralValuesWhenANameComesBeforeThemAll(String line, String flag) {
        assertThatThrownBy(() -> collect(webroot, line, List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Several " + flag + " values")
                .hasMessageContaining("before every -d");
    }

    @Test
    void givesNamesAskedForLaterTheLastValue() throws ConfigurationException {
        OptionValues values = collect(webroot, "-w /a -w /b", List.of("asked.example"));

        assertThat(values.perDomain("path")).containsExactly(Map.entry("asked.example", "/b"));
    }

    @Test
    void keepsEveryValueInOrder() throws ConfigurationException {
        OptionValues values = collect(webroot, "-w /a -d a.example --webroot-path /b", List.of());

        assertThat(values.all("path")).containsExactly("/a", "/b");
        assertThat(values.values()).doesNotContainKey("map");
    }

    @Test
    void appliesDefaultsToOptionsNotGiven() throws ConfigurationException {
        OptionValues values = collect(standalone, "-d a.example", List.of());

        assertThat(values.all("http-01-port")).containsExactly("80");
        assertThat(values.isSet("ipv6-only")).isFalse();
    }

    @Test
    void givesASwitchTheValueTrueAndAValuedOptionItsValue() throws ConfigurationException {
        OptionValues values = collect(standalone,
                "--standalone-ipv6-only --http-01-port 8080", List.of());

        assertThat(values.all("ipv6-only")).containsExactly("true");
        assertThat(values.isSet("ipv6-only")).isTrue();
        assertThat(values.all("http-01-port")).containsExactly("8080");
    }

    @Test
    void ignoresTheFlagsOfOtherPlugins() throws ConfigurationException {
        OptionValues values = collect(standalone, "-w /a -d a.example", List.of());

        assertThat(values.values()).containsOnlyKeys("http-01-port");
        assertThat(values.perDomain()).isEmpty();
    }

    private OptionValues collect(FakeAuthenticator plugin, String line, List<String> later)
            throws ConfigurationException {
        ParsedArguments parsed = parser.parse(List.of(line.split(" ")));
        return AuthenticatorOptions.collect(plugin.options(), parsed, later);
    }

    private FlagTable table() {
        PluginRegistry registry = new PluginRegistry();
        PluginRegistryFixture.addAuthenticator(registry, "webroot", "Files.", webroot);
        PluginRegistryFixture.addAuthenticator(registry, "standalone", "Server.", standalone);
        return FlagTable.of(registry.authenticators());
    }

    private static String describe(Map<String, String> assigned) {
        // Names show without their common ".example" ending, to keep the table narrow.
        return assigned.entrySet().stream()
                .map(e -> e.getKey().replace(".example", "") + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
