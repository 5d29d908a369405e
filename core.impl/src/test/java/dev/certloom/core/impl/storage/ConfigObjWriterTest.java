package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigObjWriterTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # value                    | written as
            plain                      | plain
            ``                         | ""
            ` leading blank`           | " leading blank"
            `trailing blank `          | "trailing blank "
            a,b                        | "a,b"
            a#b                        | "a#b"
            say "hi"                   | 'say "hi"'
            it's                       | it's
            'quoted'                   | "'quoted'"
            both ' and "               | '''both ' and "'''
            https://example.org/dir    | https://example.org/dir
            """)
    void quotesAStringOnlyWhenItMustAsConfigObjDoes(String value, String written) {
        assertThat(ConfigObjWriter.value(ConfigValue.of(value))).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # items separated by ;   | written as
            ``                       | ,
            /var/www/html            | /var/www/html,
            http-01;dns-01           | http-01, dns-01
            a,b;c                    | "a,b", c
            """)
    void writesListsWithCommasTheCertbotWay(String items, String written) {
        List<String> list = items.isEmpty() ? List.of() : List.of(items.split(";"));

        assertThat(ConfigObjWriter.value(ConfigValue.ofList(list))).isEqualTo(written);
    }

    @Test
    void writesALineBreakInTripleQuotes() {
        assertThat(ConfigObjWriter.value(ConfigValue.of("one\ntwo"))).isEqualTo("'''one\ntwo'''");
    }

    @Test
    void refusesAListItemThatNoQuotingCanHold() {
        ConfigValue value = ConfigValue.ofList(List.of("both ' and \""));

        assertThatThrownBy(() -> ConfigObjWriter.value(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both quotes");
    }

    @Test
    void rendersValuesBeforeSectionsWithCommentsAndNesting() {
        ConfigSection root = new ConfigSection();
        root.values().put("version", ConfigValue.of("2.1.0"));
        ConfigSection params = root.section("renewalparams");
        params.values().put("authenticator", ConfigValue.of("webroot"));
        params.values().put("a=b", ConfigValue.of("x"));
        params.section("webroot_map").values().put("example.org", ConfigValue.of("/srv/www"));

        String text = ConfigObjWriter.render(root, List.of("first"),
                Map.of("renewalparams", "Options"));

        assertThat(text).isEqualTo("""
                # first
                version = 2.1.0

                # Options
                [renewalparams]
                authenticator = webroot
                "a=b" = x
                [[webroot_map]]
                example.org = /srv/www
                """);
    }

    @Test
    void whatItWritesReadsBackUnchanged() {
        ConfigSection root = new ConfigSection();
        ConfigSection params = root.section("renewalparams");
        List<ConfigValue> values = List.of(ConfigValue.of(""), ConfigValue.of(" x, y # z "),
                ConfigValue.of("say \"hi\""), ConfigValue.of("it's \"both\""),
                ConfigValue.of("line\nbreak"), ConfigValue.ofList(List.of()),
                ConfigValue.ofList(List.of("one")), ConfigValue.ofList(List.of("a,b", " c")));
        for (int i = 0; i < values.size(); i++) {
            params.values().put("key" + i, values.get(i));
        }

        String text = ConfigObjWriter.render(root, List.of(), Map.of());
        ConfigObjReader.Result read = ConfigObjReader.read(text.lines().toList());

        assertThat(read.problems()).isEmpty();
        assertThat(read.root().sections().get("renewalparams").values().values())
                .containsExactlyElementsOf(values);
    }
}
