package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.service.KeySpec;
import dev.certloom.core.impl.hooks.HookSettings;
import dev.certloom.core.impl.storage.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandOptionsTest {

    private static final String PROD = "https://acme-v02.api.letsencrypt.org/directory";
    private static final String STAGING =
            "https://acme-staging-v02.api.letsencrypt.org/directory";

    private final ArgumentParser parser = new ArgumentParser(FlagTable.of(List.of()));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                   | PROD
            --staging                                            | STAGING
            --test-cert                                          | STAGING
            --dry-run                                            | STAGING
            --server https://ca.example/dir                      | https://ca.example/dir
            --server https://ca.example/dir --dry-run            | https://ca.example/dir
            --server PROD --staging                              | STAGING
            --server STAGING --staging                           | STAGING
            --server http://127.0.0.1:14000/dir                  | http://127.0.0.1:14000/dir
            --server https://a.example/d --server https://b.example/d | https://b.example/d
            """)
    void choosesTheServerAsCertbotDoes(String line, String expected)
            throws ConfigurationException {
        CommandOptions options = options(line.replace("PROD", PROD).replace("STAGING", STAGING));

        assertThat(options.server()).hasToString(
                expected.replace("PROD", PROD).replace("STAGING", STAGING));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            --server https://ca.example/dir --staging | conflicts with --staging
            --staging --server https://ca.example/dir | conflicts with --staging
            --server ca.example                       | is not an http(s) URL
            --server ftp://ca.example/dir             | is not an http(s) URL
            --server https://ca~example/dir           | is not a URL
            """)
    void refusesAServerThatCannotBeUsed(String line, String message) {
        assertThatThrownBy(() -> options(line))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                         | EC  | 2048 | secp256r1
            --key-type ecdsa                           | EC  | 2048 | secp256r1
            --key-type ecdsa --elliptic-curve secp384r1 | EC | 2048 | secp384r1
            --elliptic-curve secp521r1                 | EC  | 2048 | secp521r1
            --key-type rsa                             | RSA | 2048 | secp256r1
            --key-type rsa --rsa-key-size 4096         | RSA | 4096 | secp256r1
            --rsa-key-size 4096                        | EC  | 2048 | secp256r1
            --rsa-key-size 1024                        | EC  | 2048 | secp256r1
            --key-type rsa --key-type ecdsa            | EC  | 2048 | secp256r1
            """)
    void buildsTheKeySpecFromTheKeyFlags(String line, KeySpec.Algorithm algorithm, int bits,
            String curve) throws ConfigurationException {
        KeySpec key = options(line).key();

        assertThat(key).isEqualTo(new KeySpec(algorithm, bits, curve));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            --key-type dsa                          | The --key-type value 'dsa'
            --key-type RSA                          | The --key-type value 'RSA'
            --elliptic-curve prime256v1             | The --elliptic-curve value 'prime256v1'
            --rsa-key-size big                      | The --rsa-key-size value 'big'
            --key-type rsa --rsa-key-size 1024      | between 2048 and 8192 bits, not 1024
            --key-type rsa --rsa-key-size 16384     | between 2048 and 8192 bits, not 16384
            """)
    void refusesKeyValuesOutsideTheAllowedOnes(String line, String message) {
        assertThatThrownBy(() -> options(line))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                     | ''
            --preferred-challenges dns                             | dns-01
            --preferred-challenges http-01                         | http-01
            --preferred-challenges tls-alpn                        | tls-alpn-01
            --preferred-challenges http,dns                        | http-01 dns-01
            --preferred-challenges dns-01,~http-01                 | dns-01 http-01
            --preferred-challenges dns --preferred-challenges http | dns-01 http-01
            --preferred-challenges http,tls-alpn-01,http           | http-01 tls-alpn-01
            """)
    void readsPreferredChallengesInOrder(String line, String expected)
            throws ConfigurationException {
        List<ChallengeType> types = options(line).preferredChallenges();

        assertThat(String.join(" ", types.stream().map(ChallengeType::token).toList()))
                .isEqualTo(expected);
    }

    @Test
    void refusesAnUnknownChallengeType() {
        assertThatThrownBy(() -> options("--preferred-challenges http,tls-sni-01"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'tls-sni-01'");
    }

    @Test
    void keepsDomainOrderAndDropsDuplicatesAcrossFlags() throws ConfigurationException {
        CommandOptions options = options("-d b.example,A.example -d a.example,c.example");

        assertThat(options.names()).containsExactly("b.example", "a.example", "c.example");
    }

    @Test
    void refusesAnInvalidDomainBeforeAnyWork() {
        assertThatThrownBy(() -> options("-d example.org,localhost"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'localhost'");
    }

    @Test
    void usesCertbotsFoldersByDefault() throws ConfigurationException {
        Workspace workspace = options("").workspace();

        assertThat(workspace).isEqualTo(new Workspace(Workspace.DEFAULT_CONFIG,
                Workspace.DEFAULT_WORK, Workspace.DEFAULT_LOGS));
    }

    @Test
    void takesFoldersFromTheDirectoryFlags() throws ConfigurationException {
        Workspace workspace = options("--config-dir c --work-dir=w --logs-dir l").workspace();

        assertThat(workspace).isEqualTo(new Workspace(Path.of("c"), Path.of("w"), Path.of("l")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | 0  | false | false
            -v            | 1  | false | false
            -vvv          | 3  | false | false
            -v --verbose  | 2  | false | false
            -n            | 0  | true  | false
            -q            | -1 | true  | true
            -q -vv        | -1 | true  | true
            """)
    void readsVerbosityAndInteraction(String line, int verbosity, boolean nonInteractive,
            boolean quiet) throws ConfigurationException {
        CommandOptions options = options(line);

        assertThat(options.verbosity()).isEqualTo(verbosity);
        assertThat(options.nonInteractive()).isEqualTo(nonInteractive);
        assertThat(options.quiet()).isEqualTo(quiet);
    }

    @Test
    void buildsTheAccountFromEmailAgreementAndServer() throws ConfigurationException {
        CommandOptions options = options("-m admin@example.org --agree-tos --staging");

        assertThat(options.account().email()).isEqualTo("admin@example.org");
        assertThat(options.account().agreeTos()).isTrue();
        assertThat(options.account().server()).hasToString(STAGING);
    }

    @Test
    void leavesTheEmailOutWhenNoneIsGiven() throws ConfigurationException {
        CommandOptions options = options("--register-unsafely-without-email --eff-email");

        assertThat(options.account().emailIfSet()).isEmpty();
        assertThat(options.account().agreeTos()).isFalse();
        assertThat(options.withoutEmail()).isTrue();
    }

    @Test
    void readsTheHookFlagsTakingTheLastOfEach() throws ConfigurationException {
        HookSettings hooks = options("--pre-hook a --pre-hook b --post-hook c --renew-hook d "
                + "--deploy-hook e --hook-timeout 7 --no-directory-hooks "
                + "--disable-hook-validation").hooks();

        assertThat(hooks).isEqualTo(new HookSettings("b", "c", "e", Duration.ofSeconds(7),
                false, false));
    }

    @Test
    void defaultsToNoHooksAndTheDocumentedTimeout() throws ConfigurationException {
        assertThat(options("").hooks()).isEqualTo(HookSettings.NONE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"0", "-5", "soon", "1.5"})
    void refusesAHookTimeoutThatIsNotAPositiveWholeNumber(String value) {
        assertThatThrownBy(() -> options("--hook-timeout " + value).hooks())
                .isInstanceOf(UsageException.class)
                .hasMessage("The --hook-timeout value '" + value + "' is not a positive whole "
                        + "number of seconds.");
    }

    /** Splits a line into words at spaces; a {@code ~} stands for a space inside a word. */
    private CommandOptions options(String line) throws ConfigurationException {
        List<String> words = new ArrayList<>();
        for (String word : line.isEmpty() ? new String[0] : line.split(" ")) {
            words.add(word.replace('~', ' '));
        }
        return CommandOptions.of(parser.parse(words));
    }
}
