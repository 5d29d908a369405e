package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain text         | abc               | '\"abc\"'",
        "a quote            | say \"hi\"        | '\"say \\\"hi\\\"\"'",
        "a backslash        | C:\\tmp           | '\"C:\\\\tmp\"'",
        "a control char     | 'a\tb'            | '\"a\\u0009b\"'",
        "an empty string    | ''                | '\"\"'"})
    void quotesAStringAsAJsonLiteral(String description, String text, String literal) {
        assertThat(Json.quote(text)).isEqualTo(literal);
    }
}
