package dev.certloom.plugin.webroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlatJsonParserTest {

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("empty object", "{}", Map.of()),
                Arguments.of("white space around everything", " \t{ \"a\" :\n\"b\" }\r\n",
                        Map.of("a", "b")),
                Arguments.of("names separated by commas in one key",
                        "{\"example.org,www.example.org\": \"/var/www/example\"}",
                        Map.of("example.org,www.example.org", "/var/www/example")),
                Arguments.of("several members", "{\"a.org\": \"/a\", \"b.org\": \"/b\"}",
                        Map.of("a.org", "/a", "b.org", "/b")),
                Arguments.of("simple escapes", "{\"a\": \"\\/srv\\/\\\"x\\\" \\\\ \\t\"}",
                        Map.of("a", "/srv/\"x\" \\ \t")),
                Arguments.of("unicode escape", "{\"b\\u00FCcher.example\": \"/www\"}",
                        Map.of("b\u00fccher.example", "/www")),
                Arguments.of("a repeated name keeps its last value",
                        "{\"a\": \"/first\", \"a\": \"/second\"}", Map.of("a", "/second")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void readsWellFormedObjects(String description, String json, Map<String, String> expected)
            throws Exception {
        Map<String, String> members = FlatJsonParser.parse(json);

        assertThat(members).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("nothing at all", "", "expected '{' at the end"),
                Arguments.of("an array", "[\"a\"]", "expected '{' at character 1"),
                Arguments.of("a number as value", "{\"a\": 1}",
                        "expected a string in double quotes at character 7"),
                Arguments.of("null as value", "{\"a\": null}",
                        "expected a string in double quotes at character 7"),
                Arguments.of("a nested object", "{\"a\": {\"b\": \"c\"}}",
                        "expected a string in double quotes at character 7"),
                Arguments.of("a bare name", "{a: \"b\"}",
                        "expected a string in double quotes at character 2"),
                Arguments.of("single quotes", "{'a': 'b'}",
                        "expected a string in double quotes at character 2"),
                Arguments.of("a trailing comma", "{\"a\": \"b\",}",
                        "expected a string in double quotes at character 11"),
                Arguments.of("a missing colon", "{\"a\" \"b\"}", "expected ':' at character 6"),
                Arguments.of("a missing closing brace", "{\"a\": \"b\"",
                        "expected ',' or '}' at the end"),
                Arguments.of("text after the object", "{\"a\": \"b\"} x",
                        "nothing may follow the closing '}' at character 12"),
                Arguments.of("an unclosed string", "{\"a\": \"b",
                        "the string is not closed at the end"),
                Arguments.of("an unknown escape", "{\"a\": \"\\x\"}",
                        "'\\x' is not a JSON escape at character 9"),
                Arguments.of("a short unicode escape", "{\"a\": \"\\u12\"}",
                        "a \\u escape needs four hex digits at character 12"),
                Arguments.of("a non-ASCII digit in a unicode escape",
                        "{\"a\": \"\\u00\uFF11\uFF11\"}",
                        "a \\u escape needs four hex digits at character 12"),
                Arguments.of("a raw tab in a string", "{\"a\": \"x\ty\"}",
                        "control characters must be escaped at character 9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesAnythingButAFlatObjectOfStrings(String description, String json,
            String problem) {
        assertThatThrownBy(() -> FlatJsonParser.parse(json))
                .isInstanceOf(FlatJsonParser.SyntaxException.class)
                .hasMessage(problem);
    }
}
