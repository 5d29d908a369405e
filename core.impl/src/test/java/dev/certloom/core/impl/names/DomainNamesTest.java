package dev.certloom.core.impl.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.org                | example.org
            www.example.org            | www.example.org
            Example.ORG                | example.org
            '  example.org  '          | example.org
            example.org.               | example.org
            *.example.org              | *.example.org
            *.Example.org.             | *.example.org
            bücher.example             | xn--bcher-kva.example
            BÜCHER.example             | xn--bcher-kva.example
            xn--bcher-kva.example      | xn--bcher-kva.example
            *.bücher.example           | *.xn--bcher-kva.example
            münchen.de                 | xn--mnchen-3ya.de
            例え。テスト                 | xn--r8jz45g.xn--zckzah
            a-b.example.org            | a-b.example.org
            1.example.org              | 1.example.org
            999.1.1.1                  | 999.1.1.1
            cafe.de                    | cafe.de
            """)
    void normalizesValidNames(String given, String expected) throws ConfigurationException {
        assertThat(DomainNames.toAscii(given)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                         | empty
            '   '                      | empty
            http://example.org         | looks like a URL
            192.0.2.1                  | IP address
            2001:db8::1                | IP address
            [2001:db8::1]              | IP address
            ::1                        | IP address
            localhost                  | has no dot
            localhost.                 | has no dot
            a..example.org             | empty label
            .example.org               | empty label
            example.org..              | empty label
            under_score.example.org    | characters a DNS name cannot hold
            ex ample.org               | characters a DNS name cannot hold
            example.org:443            | characters a DNS name cannot hold
            -lead.example.org          | starts or ends with a hyphen
            trail-.example.org         | starts or ends with a hyphen
            www.*.example.org          | not the whole leftmost label
            *www.example.org           | not the whole leftmost label
            w*.example.org             | not the whole leftmost label
            *.*.example.org            | not the whole leftmost label
            ü-.example                 | not a valid internationalized label
            """)
    void refusesInvalidNamesNamingThem(String given, String reason) {
        assertThatThrownBy(() -> DomainNames.toAscii(given))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(given.strip());
    }

    @Test
    void refusesALabelOfSixtyFourOctets() {
        String name = "a".repeat(64) + ".example.org";

        assertThatThrownBy(() -> DomainNames.toAscii(name))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("at most 63");
    }

    @Test
    void acceptsALabelOfSixtyThreeOctets() throws ConfigurationException {
        String name = "a".repeat(63) + ".example.org";

        assertThat(DomainNames.toAscii(name)).isEqualTo(name);
    }

    @Test
    void refusesAnInternationalizedLabelThatGrowsPastSixtyThreeOctets() {
        String name = "ü" + "a".repeat(62) + ".example";

        assertThatThrownBy(() -> DomainNames.toAscii(name))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(name);
    }

    @Test
    void acceptsANameOfTwoHundredFiftyThreeOctets() throws ConfigurationException {
        String name = longName(253);

        assertThat(DomainNames.toAscii(name)).isEqualTo(name);
    }

    @Test
    void refusesANameOfTwoHundredFiftyFourOctets() {
        String name = longName(254);

        assertThatThrownBy(() -> DomainNames.toAscii(name))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at most 253");
    }

    @Test
    void dropsDuplicatesAfterNormalizingAndKeepsTheFirstOrder() throws ConfigurationException {
        List<String> given = List.of("www.example.org", "Example.org", "bücher.example",
                "example.org.", "xn--bcher-kva.example", "WWW.example.org");

        List<String> ascii = DomainNames.toAscii(given);

        assertThat(ascii).containsExactly("www.example.org", "example.org",
                "xn--bcher-kva.example");
    }

    @Test
    void namesTheFirstBadEntryOfAList() {
        List<String> given = List.of("example.org", "bad_name.example.org", "localhost");

        assertThatThrownBy(() -> DomainNames.toAscii(given))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad_name.example.org");
    }

    /** A name of exactly {@code length} octets made of 49-octet labels and a short tail. */
    private static String longName(int length) {
        StringBuilder name = new StringBuilder();
        while (length - name.length() > 60) {
            name.append("b".repeat(49)).append('.');
        }
        name.append("c".repeat(length - name.length() - 4)).append(".org");
        return name.toString();
    }
}
