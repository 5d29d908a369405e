package dev.certloom.core.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChallengeSelectorTest {

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', value = {
        " | http-01 | http-01 dns-01 tls-alpn-01 | http-01 | no preference: the plugin's"
                + " one type",
        " | http-01 tls-alpn-01 | tls-alpn-01 http-01 | http-01 | no preference: HTTP-01"
                + " before TLS-ALPN-01 whatever the CA's order",
        " | http-01 tls-alpn-01 | tls-alpn-01 | tls-alpn-01 | no preference: the only"
                + " offered type the plugin supports",
        " | http-01 dns-01 | dns-01 | dns-01 | a wildcard, offered DNS-01 only",
        "tls-alpn-01 http-01 | http-01 tls-alpn-01 | http-01 dns-01 tls-alpn-01 | tls-alpn-01"
                + " | the user's first choice wins",
        "dns-01 http-01 | http-01 | http-01 dns-01 | http-01 | a preferred type the plugin"
                + " lacks is skipped",
        "tls-alpn-01 http-01 | http-01 tls-alpn-01 | http-01 dns-01 | http-01 | a preferred"
                + " type the CA does not offer is skipped",
        " | http-01 | future-02 http-01 | http-01 | types unknown to Certloom are ignored"})
    void choosesTheFirstPreferredTypeThatThePluginSupportsAndTheCaOffers(String preferred,
            String supported, String offered, String expected, String description)
            throws Exception {
        ChallengeSelector selector = new ChallengeSelector(types(preferred),
                Set.copyOf(types(supported)));

        ChallengeType chosen = selector.choose("example.org", tokens(offered), "test");

        assertThat(chosen.token()).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        " | http-01 | dns-01 | No challenge for example.org fits: the CA offered dns-01, the"
                + " test plugin can do http-01; choose an authenticator that can answer one"
                + " of the offered types.",
        "http-01 | http-01 tls-alpn-01 | tls-alpn-01 dns-01 | No challenge for example.org"
                + " fits: the CA offered tls-alpn-01, dns-01, the test plugin can do"
                + " http-01, tls-alpn-01 and --preferred-challenges allows http-01; change"
                + " --preferred-challenges or choose another authenticator.",
        "dns-01 | http-01 | http-01 | No challenge for example.org fits: the CA offered"
                + " http-01, the test plugin can do http-01 and --preferred-challenges"
                + " allows dns-01; change --preferred-challenges or choose another"
                + " authenticator.",
        " | dns-01 | | No challenge for example.org fits: the CA offered none, the test"
                + " plugin can do dns-01; choose an authenticator that can answer one of the"
                + " offered types."})
    void whenNothingFitsSaysWhatWasOfferedWhatThePluginDoesAndWhatTheUserAllows(
            String preferred, String supported, String offered, String message) {
        ChallengeSelector selector = new ChallengeSelector(types(preferred),
                Set.copyOf(types(supported)));

        assertThatThrownBy(() -> selector.choose("example.org", tokens(offered), "test"))
                .isInstanceOf(PluginException.class)
                .hasMessage(message);
    }

    private static List<String> tokens(String spaced) {
        return spaced == null ? List.of() : Arrays.asList(spaced.strip().split("\\s+"));
    }

    private static List<ChallengeType> types(String spaced) {
        return tokens(spaced).stream()
                .map(token -> ChallengeType.forToken(token).orElseThrow())
                .collect(Collectors.toList());
    }
}
