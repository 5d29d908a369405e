package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.command.CommandService;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.KeySpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertonlyVerbTest {

    private static final URI PRODUCTION =
            URI.create("https://acme-v02.api.letsencrypt.org/directory");
    private static final URI STAGING =
            URI.create("https://acme-staging-v02.api.letsencrypt.org/directory");

    @TempDir
    Path folder;

    private CommandFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CommandFixture(folder);
    }

    @Test
    void buildsTheRequestFromEveryFlag() {
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, "certonly", "--webroot", "-w", "/srv/a",
                "-d", "a.example,www.a.example", "-w", "/srv/b", "-d", "B.example",
                "--cert-name", "site", "-m", "admin@example.org", "--agree-tos",
                "--key-type", "rsa", "--rsa-key-size", "3072", "--preferred-challenges",
                "http,dns", "--preferred-chain", "ISRG Root X1", "--server",
                "https://ca.example/dir", "--no-eff-email");

        assertThat(code).isEqualTo(CommandService.OK);
        CertificateRequest request = fixture.engine.obtained;
        assertThat(request.names()).containsExactly("a.example", "www.a.example", "b.example");
        assertThat(request.certName()).isEqualTo("site");
        assertThat(request.authenticator()).isEqualTo("webroot");
        assertThat(request.authenticatorOptions().all("path")).containsExactly("/srv/a", "/srv/b");
        assertThat(request.authenticatorOptions().perDomain("path")).isEqualTo(Map.of(
                "a.example", "/srv/a", "www.a.example", "/srv/a", "b.example", "/srv/b"));
        assertThat(request.preferredChallenges())
                .containsExactly(ChallengeType.HTTP_01, ChallengeType.DNS_01);
        assertThat(request.account()).isEqualTo(new CertificateRequest.AccountSpec(
                URI.create("https://ca.example/dir"), "admin@example.org", true));
        assertThat(request.key()).isEqualTo(new KeySpec(KeySpec.Algorithm.RSA, 3072,
                "secp256r1"));
        assertThat(request.preferredChain()).isEqualTo("ISRG Root X1");
        assertThat(request.dryRun()).isFalse();
        assertThat(fixture.engine.workspace.configDir()).isEqualTo(fixture.config());
    }

    @Test
    void usesCertbotsDefaultsForWhatIsNotGiven() {
        int code = fixture.run(FakeConsole.nonInteractive(), "certonly", "-a", "standalone",
                "-d", "a.example");

        assertThat(code).isEqualTo(CommandService.OK);
        CertificateRequest request = fixture.engine.obtained;
        assertThat(request.certNameIfSet()).isEmpty();
        assertThat(request.authenticatorOptions().values())
                .isEqualTo(Map.of("http-01-port", List.of("80")));
        assertThat(request.preferredChallenges()).isEmpty();
        assertThat(request.account()).isEqualTo(
                new CertificateRequest.AccountSpec(PRODUCTION, null, false));
        assertThat(request.key()).isEqualTo(KeySpec.DEFAULT);
        assertThat(request.preferredChainIfSet()).isEmpty();
    }

    @Test
    void printsWhereTheFilesAreAndWhenTheCertificateExpires() {
        FakeConsole console = FakeConsole.nonInteractive();

        fixture.run(console, "certonly", "--standalone", "-d", "a.example,b.example");

        Path live = fixture.config().resolve("live").resolve("a.example");
        assertThat(console.output()).isEqualTo("\n"
                + "Obtained a certificate for a.example, b.example.\n"
                + "Certificate and chain saved at: " + live.resolve("fullchain.pem") + "\n"
                + "Private key saved at:           " + live.resolve("privkey.pem") + "\n"
                + "The certificate expires on 2024-05-30.\n"
                + "Renewing it replaces these files in place, at the same paths.\n");
    }

    @Test
    void rehearsesAgainstStagingWithDryRun() {
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, "certonly", "--standalone", "-d", "a.example",
                "--dry-run");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.engine.obtained.dryRun()).isTrue();
        assertThat(fixture.engine.obtained.account().server()).isEqualTo(STAGING);
        assertThat(console.output()).isEqualTo("The dry run succeeded; nothing was saved.\n");
    }

    @Test
    void printsNothingOnSuccessWhenQuiet() {
        FakeConsole console = new FakeConsole(true);

        int code = fixture.run(console, "certonly", "--standalone", "-d", "a.example", "-q");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.output()).isEmpty();
        assertThat(fixture.engine.console.isInteractive()).isFalse();
    }

    @Test
    void handsTheEngineANonInteractiveConsoleWithN() {
        int code = fixture.run(new FakeConsole(true), "certonly", "--standalone", "-d",
                "a.example", "-n");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.engine.console.isInteractive()).isFalse();
        assertThat(fixture.engine.console.readLine("question")).isEmpty();
    }

    @Test
    void asksForTheNamesWhenNoneAreGivenAndSomeoneIsThere() {
        FakeConsole console = new FakeConsole(true, " a.example, b.example  C.example ");

        int code = fixture.run(console, "certonly", "--webroot", "-w", "/srv");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.prompts).hasSize(1);
        CertificateRequest request = fixture.engine.obtained;
        assertThat(request.names()).containsExactly("a.example", "b.example", "c.example");
        assertThat(request.authenticatorOptions().perDomain("path")).isEqualTo(Map.of(
                "a.example", "/srv", "b.example", "/srv", "c.example", "/srv"));
    }

    @ParameterizedTest(name = "interactive={0}, -n={1}, answer={2}")
    @CsvSource(delimiter = '|', textBlock = """
            false | false | ''  | No names were given
            true  | true  | ''  | No names were given
            true  | false | ''  | No names were entered
            true  | false | ' , '  | No names were entered
            """)
    void refusesToGoOnWithoutNames(boolean interactive, boolean nonInteractive, String answer,
            String message) {
        FakeConsole console = new FakeConsole(interactive, answer);

        int code = nonInteractive ? fixture.run(console, "certonly", "--standalone", "-n")
                : fixture.run(console, "certonly", "--standalone");

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).contains(message).hasLineCount(1);
        assertThat(fixture.engine.obtained).isNull();
    }

    @Test
    void addsTheNamesTheAuthenticatorImpliesAfterTheGivenOnes() {
        FakeConsole console = new FakeConsole(true);

        int code = fixture.run(console, "certonly", "--webroot", "--webroot-map",
                "M.example:/srv", "-d", "a.example");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.prompts).isEmpty();
        assertThat(fixture.engine.obtained.names()).containsExactly("a.example", "m.example");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            certonly -d a.example                       | add --standalone or --webroot
            certonly -d a.example --webroot --standalone | Several authenticators were chosen
            certonly -d a.example -a webroot --standalone | Several authenticators were chosen
            certonly -d a.example -a nginx              | 'nginx' is not installed
            """)
    void needsExactlyOneAuthenticatorThatIsPresent(String line, String message) {
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, line.split(" "));

        assertThat(code).isEqualTo(CommandService.FAILED);
        assertThat(console.errors()).contains(message).hasLineCount(1);
    }

    @Test
    void acceptsAnAuthenticatorChosenTwiceTheSameWay() {
        int code = fixture.run(FakeConsole.nonInteractive(), "certonly", "-d", "a.example",
                "-a", "webroot", "--webroot", "-w", "/srv");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(fixture.engine.obtained.authenticator()).isEqualTo("webroot");
    }

    @Test
    void refusesSeveralWebrootsAfterADomainAsAUsageError() {
        FakeConsole console = FakeConsole.nonInteractive();

        int code = fixture.run(console, "certonly", "--webroot", "-d", "a.example",
                "-w", "/srv/a", "-w", "/srv/b");

        assertThat(code).isEqualTo(CommandService.USAGE);
        assertThat(console.errors()).contains("Several -w values").hasLineCount(1);
    }
}
