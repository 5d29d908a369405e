package dev.certloom.plugin.webroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Identifier;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.plugin.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebrootAuthenticatorTest {

    private final WebrootAuthenticator authenticator = new WebrootAuthenticator();

    @TempDir
    Path temp;

    private Path siteA;
    private Path siteB;

    @BeforeEach
    void createSites() throws IOException {
        siteA = Files.createDirectory(temp.resolve("a")).toRealPath();
        siteB = Files.createDirectory(temp.resolve("b")).toRealPath();
    }

    @Test
    void declaresCertbotsFlagsAndRenewalKeys() {
        List<PluginOption> options = authenticator.options();

        assertThat(options).extracting(PluginOption::name, PluginOption::flags,
                PluginOption::renewalKey, PluginOption::repeatable, PluginOption::perDomain)
                .containsExactly(
                        tuple("path",
                                List.of("--webroot-path", "-w"), "webroot_path", true, true),
                        tuple("map", List.of("--webroot-map"),
                                "webroot_map", true, false));
        assertThat(authenticator.challengeTypes()).containsExactly(ChallengeType.HTTP_01);
    }

    @Test
    void writesEachChallengeIntoTheWebrootThatPrecededItsName() throws Exception {
        OptionValues options = new OptionValues(
                Map.of("path", List.of(siteA.toString(), siteB.toString())),
                Map.of("path", Map.of("a.org", siteA.toString(), "b.org", siteB.toString())));
        List<Challenge> challenges = List.of(http("a.org", "tokenA"), http("b.org", "tokenB"));

        try (Authentication run = prepare(options, "a.org", "b.org")) {
            run.perform(challenges);

            assertThat(siteA.resolve(".well-known/acme-challenge/tokenA"))
                    .hasContent("tokenA.key");
            assertThat(siteB.resolve(".well-known/acme-challenge/tokenB"))
                    .hasContent("tokenB.key");
            run.cleanup(challenges);
        }
        assertThat(siteA).isEmptyDirectory();
        assertThat(siteB).isEmptyDirectory();
    }

    @Test
    void namesWithoutAPrecedingWebrootTakeTheLastOne() throws Exception {
        OptionValues options = new OptionValues(
                Map.of("path", List.of(siteA.toString(), siteB.toString())),
                Map.of("path", Map.of("a.org", siteA.toString())));

        try (Authentication run = prepare(options, "a.org", "c.org")) {
            run.perform(List.of(http("c.org", "tokenC")));

            assertThat(siteB.resolve(".well-known/acme-challenge/tokenC")).exists();
            run.cleanup(List.of(http("c.org", "tokenC")));
        }
    }

    @Test
    void theMapTakesPrecedenceOverWebrootPathsAndMatchesNamesLooselyWritten()
            throws Exception {
        String map = "{\" WWW.Example.org. , example.org\": \"" + siteB + "\"}";
        OptionValues options = new OptionValues(
                Map.of("path", List.of(siteA.toString()), "map", List.of(map)),
                Map.of("path", Map.of("www.example.org", siteA.toString())));

        try (Authentication run = prepare(options, "www.example.org")) {
            run.perform(List.of(http("www.example.org", "tokenW")));

            assertThat(siteB.resolve(".well-known/acme-challenge/tokenW")).exists();
            assertThat(siteA).isEmptyDirectory();
            run.cleanup(List.of(http("www.example.org", "tokenW")));
        }
    }

    @Test
    void impliedNamesAreTheNamesOfEveryMapEntry() {
        OptionValues options = TestPluginContext.values(Map.of("map", List.of(
                "{\"example.org, www.example.org\": \"/a\", \"b\u00fccher.example\": \"/b\"}",
                "{\"example.org\": \"/c\"}")));

        List<String> names = authenticator.impliedNames(options);

        assertThat(names).containsExactly("example.org", "www.example.org", "b\u00fccher.example");
    }

    @Test
    void aMalformedMapImpliesNoNamesButFailsPreparation() {
        OptionValues options = TestPluginContext.values(Map.of("map", List.of("{\"a.org\": 1}")));

        assertThat(authenticator.impliedNames(options)).isEmpty();
        assertThatThrownBy(() -> prepare(options, "a.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("The --webroot-map value is not a JSON object of names"
                        + " to webroots (expected a string in double quotes at character 11)");
    }

    @Test
    void aMapKeyWithoutNamesIsRefused() {
        OptionValues options = TestPluginContext.values(
                Map.of("map", List.of("{\" , \": \"" + siteA + "\"}")));

        assertThatThrownBy(() -> prepare(options, "a.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names no domain");
    }

    @Test
    void namesWithoutAnyWebrootAreListedWithTheFix() {
        OptionValues options = TestPluginContext.values(Map.of("map",
                List.of("{\"a.org\": \"" + siteA + "\"}")));

        assertThatThrownBy(() -> prepare(options, "a.org", "b.org", "c.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("No webroot is set for b.org, c.org; give one with -w before the"
                        + " -d names it serves, or name them in --webroot-map.");
    }

    @Test
    void aMissingWebrootIsNamedWithItsDomain() {
        Path missing = temp.resolve("missing");
        OptionValues options =
                TestPluginContext.values(Map.of("path", List.of(missing.toString())));

        assertThatThrownBy(() -> prepare(options, "a.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The webroot '" + missing + "' for a.org does not exist or is not"
                        + " a folder; create it or give another with -w or --webroot-map.");
    }

    @Test
    void aBlankWebrootIsNotTakenForTheWorkingDirectory() {
        OptionValues options = TestPluginContext.values(Map.of("path", List.of(" ")));

        assertThatThrownBy(() -> prepare(options, "a.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not exist or is not a folder");
    }

    @Test
    void wildcardNamesAreRefusedBeforeAnyOrder() {
        OptionValues options = TestPluginContext.values(Map.of("path", List.of(siteA.toString())));

        assertThatThrownBy(() -> prepare(options, "*.example.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("wildcard name *.example.org");
    }

    @Test
    void aSymlinkedWellKnownFolderIsRefusedWhilePreparing() throws Exception {
        Files.createSymbolicLink(siteA.resolve(".well-known"), siteB);
        OptionValues options = TestPluginContext.values(Map.of("path", List.of(siteA.toString())));

        assertThatThrownBy(() -> prepare(options, "a.org"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aChallengeForAnotherTypeIsRefused() throws Exception {
        OptionValues options = TestPluginContext.values(Map.of("path", List.of(siteA.toString())));
        Challenge dns = new Dns01Challenge(Identifier.dns("a.org"), "_acme-challenge.a.org", "v");

        try (Authentication run = prepare(options, "a.org")) {
            assertThatThrownBy(() -> run.perform(List.of(dns)))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("only does http-01");
        }
    }

    @Test
    void theDescriptionNamesTheChallengeTypeAndTheLimitations() {
        assertThat(WebrootAuthenticator.DESCRIPTION)
                .contains("HTTP-01", ".well-known/acme-challenge", "Limitations", "wildcard");
    }

    private Authentication prepare(OptionValues options, String... names) throws Exception {
        return authenticator.prepare(TestPluginContext.of(options, temp, names));
    }

    private static Http01Challenge http(String name, String token) {
        return new Http01Challenge(Identifier.dns(name), token, token + ".key");
    }
}
