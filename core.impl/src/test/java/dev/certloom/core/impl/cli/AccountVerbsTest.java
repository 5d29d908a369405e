package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import dev.certloom.core.impl.engine.Engine.AccountInfo;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code register} and {@code show_account}. */
class AccountVerbsTest {

    private static final String PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";
    private static final String STAGING =
            "https://acme-staging-v02.api.letsencrypt.org/directory";

    @TempDir
    Path folder;

    private CommandFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CommandFixture(folder);
    }

    @Test
    void registersWithTheGivenAddressAndPrintsTheAccountUrl() {
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, "register", "-m", "admin@example.org", "--agree-tos",
                "--eff-email");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.engine.registered.email()).isEqualTo("admin@example.org");
        assertThat(fixture.engine.registered.agreeTos()).isTrue();
        assertThat(fixture.engine.registered.server()).hasToString(PRODUCTION);
        assertThat(console.output()).isEqualTo("Account registered at " + PRODUCTION + ".\n"
                + "Account URL: https://ca.example/acct/17\n");
    }

    @Test
    void registersWithoutAddressWhenToldToAndAsksNothing() {
        FakeConsole console = new FakeConsole(true);

        int code = fixture.run(console, "register", "--register-unsafely-without-email",
                "--staging");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.prompts).isEmpty();
        assertThat(fixture.engine.registered.emailIfSet()).isEmpty();
        assertThat(fixture.engine.registered.server()).hasToString(STAGING);
    }

    @Test
    void asksForTheAddressWhenSomeoneIsThere() {
        FakeConsole console = new FakeConsole(true, " me@example.org ");

        int code = fixture.run(console, "register", "--agree-tos");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.prompts).hasSize(1);
        assertThat(fixture.engine.registered.email()).isEqualTo("me@example.org");
    }

    @ParameterizedTest(name = "interactive={0}")
    @CsvSource({"false, No e-mail address was given", "true, No e-mail address was entered"})
    void refusesToRegisterWithoutAnAddressUnlessToldTo(boolean interactive, String message) {
        FakeConsole console = new FakeConsole(interactive, "");

        int code = fixture.run(console, "register", "--agree-tos");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).contains(message)
                .contains("--register-unsafely-without-email").hasLineCount(1);
        assertThat(fixture.engine.registered).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            mailto:a@example.org,mailto:b@example.org | Email contacts: a@example.org, b@example.org
            mailto:a@example.org,tel:+1555            | Email contact: a@example.org
            ''                                        | Email contact: none
            """)
    void showsTheAccountUrlAndItsAddressesAsCertbotDoes(String contacts, String line) {
        fixture.engine.account = Optional.of(new AccountInfo("abc", URI.create(PRODUCTION),
                URI.create("https://ca.example/acct/17"),
                contacts.isEmpty() ? List.of() : List.of(contacts.split(","))));
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, "show_account");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.output()).isEqualTo("Account details for server " + PRODUCTION
                + ":\n  Account URL: https://ca.example/acct/17\n  " + line + "\n");
    }

    @Test
    void asksTheEngineForTheChosenServer() {
        fixture.run(FakeConsole.nonInteractive(), "show_account", "--test-cert");

        assertThat(fixture.engine.asked).hasToString(STAGING);
    }

    @Test
    void saysSoWhenNoAccountIsStored() {
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, "show_account", "--server", "https://ca.example/dir");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).isEqualTo("No account is stored for the server "
                + "https://ca.example/dir; create one with 'certloom register'.\n");
    }
}
