package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigObjReaderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line after '='               | string or list | items
            plain                          | string         | plain
            ``                             | string         | ``
            ""                             | string         | ``
            /var/www/html,                 | list           | /var/www/html
            http-01, dns-01                | list           | http-01;dns-01
            ` a ,  b ,`                    | list           | a;b
            ,                              | list           | ``
            "systemctl reload nginx, x"    | string         | systemctl reload nginx, x
            '''say "hi"'''                 | string         | say "hi"
            it's                           | string         | it's
            value # a comment              | string         | value
            "quoted" # a comment           | string         | quoted
            "a,b", c                       | list           | a,b;c
            '''both ' and "'''             | string         | both ' and "
            https://example.org/dir?x=1    | string         | https://example.org/dir?x=1
            """)
    void readsValuesAsConfigObjDoes(String text, String kind, String items) {
        ConfigObjReader.Result result = ConfigObjReader.read(List.of("key = " + text));

        ConfigValue value = result.root().values().get("key");
        assertThat(result.problems()).isEmpty();
        assertThat(value.list()).isEqualTo("list".equals(kind));
        List<String> expected = items.isEmpty() && value.list()
                ? List.of() : List.of(items.split(";", -1));
        assertThat(value.items()).isEqualTo(expected);
    }

    @Test
    void readsSectionsByBracketCountAndIgnoresIndentationAndComments() {
        List<String> lines = List.of(
                "\uFEFF# first comment",
                "version = 2.1.0",
                "",
                "   # Options used in the renewal process",
                "[renewalparams]",
                "  authenticator = webroot",
                "  [[ webroot_map ]]  # trailing comment",
                "    example.org = /var/www/html",
                "[other]",
                "\"quoted key\" = 1");

        ConfigObjReader.Result result = ConfigObjReader.read(lines);

        assertThat(result.problems()).isEmpty();
        ConfigSection root = result.root();
        assertThat(root.values()).containsOnlyKeys("version");
        assertThat(root.sections()).containsOnlyKeys("renewalparams", "other");
        ConfigSection params = root.sections().get("renewalparams");
        assertThat(params.values().get("authenticator")).isEqualTo(ConfigValue.of("webroot"));
        assertThat(params.sections().get("webroot_map").values().get("example.org"))
                .isEqualTo(ConfigValue.of("/var/www/html"));
        assertThat(root.sections().get("other").values()).containsKey("quoted key");
    }

    @Test
    void readsAValueInTripleQuotesAcrossLines() {
        ConfigObjReader.Result result = ConfigObjReader.read(List.of(
                "hook = '''first", "second", "third''' # done", "after = x"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.root().values().get("hook"))
                .isEqualTo(ConfigValue.of("first\nsecond\nthird"));
        assertThat(result.root().values().get("after")).isEqualTo(ConfigValue.of("x"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line                  | problem
            just words              | line 1: expected "key = value" or a [section] marker
            = value                 | line 1: expected "key = value" or a [section] marker
            [renewalparams          | line 1: the section marker has no closing bracket
            [[deep]]                | line 1: the section [deep] is nested deeper than
            [a]]                    | line 1: the section marker has 1 opening and 2 closing
            []                      | line 1: the section has no name
            [a] junk                | line 1: unexpected text after the section marker
            key = "open             | line 1: a quoted value is missing its closing "
            key = "a" b             | line 1: unexpected text after a quoted value
            key = a,,b              | line 1: a list has an empty item
            key = '''never          | line 1: a value in triple quotes (''') is never closed
            key = '''x''' y         | line 1: unexpected text after a value in triple quotes
            """)
    void reportsWhatIsWrongWithTheLineNumber(String line, String problem) {
        ConfigObjReader.Result result = ConfigObjReader.read(List.of(line));

        assertThat(result.problems()).singleElement().asString().startsWith(problem);
    }

    @Test
    void collectsEveryProblemInsteadOfStoppingAtTheFirst() {
        ConfigObjReader.Result result = ConfigObjReader.read(List.of(
                "a = 1", "a = 2", "[s]", "[s]", "broken line", "b = ok"));

        assertThat(result.problems()).containsExactly(
                "line 2: the key \"a\" appears twice in its section",
                "line 4: the section [s] appears twice",
                "line 5: expected \"key = value\" or a [section] marker");
        assertThat(result.root().values()).containsOnlyKeys("a");
    }
}
