package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import dev.certloom.api.service.Lineage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificatesVerbTest {

    /** certbot's rule: 40 dashes with spaces between them, 79 columns. */
    private static final String RULE = "- - - - - - - - - - - - - - - - - - - - "
            + "- - - - - - - - - - - - - - - - - - - -";
    private static final String PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";

    @TempDir
    Path folder;

    private CommandFixture fixture;
    private final FakeConsole console = FakeConsole.nonInteractive();

    @BeforeEach
    void setUp() {
        fixture = new CommandFixture(folder);
    }

    @Test
    void saysSoWhenThereAreNoCertificates() {
        int code = fixture.run(console, "certificates");

        assertThat(code).isEqualTo(CommandService.OK);
        assertThat(console.output()).isEqualTo("\n" + RULE + "\nNo certificates found.\n"
                + RULE + "\n");
    }

    @Test
    void listsEachLineageAsCertbotDoes() {
        fixture.engine.lineages = List.of(
                lineage("a.example", List.of("a.example", "www.a.example"), Duration.ofDays(89)),
                lineage("b.example", List.of("b.example"), Duration.ofDays(-2)));

        fixture.run(console, "certificates");

        assertThat(console.output()).isEqualTo("\n" + RULE + "\n"
                + "Found the following certs:\n"
                + "  Certificate Name: a.example\n"
                + "    Serial Number: a1b2c\n"
                + "    Key Type: ECDSA\n"
                + "    Domains: a.example www.a.example\n"
                + "    Expiry Date: 2024-06-29 12:00:00+00:00 (VALID: 89 days)\n"
                + "    Certificate Path: /etc/letsencrypt/live/a.example/fullchain.pem\n"
                + "    Private Key Path: /etc/letsencrypt/live/a.example/privkey.pem\n"
                + "  Certificate Name: b.example\n"
                + "    Serial Number: a1b2c\n"
                + "    Key Type: ECDSA\n"
                + "    Domains: b.example\n"
                + "    Expiry Date: 2024-03-30 12:00:00+00:00 (INVALID: EXPIRED)\n"
                + "    Certificate Path: /etc/letsencrypt/live/b.example/fullchain.pem\n"
                + "    Private Key Path: /etc/letsencrypt/live/b.example/privkey.pem\n"
                + RULE + "\n");
    }

    @ParameterizedTest(name = "{0} left, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT2137H  | https://acme-v02.api.letsencrypt.org/directory | VALID: 89 days
            P2D      | https://acme-v02.api.letsencrypt.org/directory | VALID: 2 days
            PT25H    | https://acme-v02.api.letsencrypt.org/directory | VALID: 1 day
            PT24H    | https://acme-v02.api.letsencrypt.org/directory | VALID: 1 day
            PT23H59M | https://acme-v02.api.letsencrypt.org/directory | VALID: 23 hour(s)
            PT5H     | https://acme-v02.api.letsencrypt.org/directory | VALID: 5 hour(s)
            PT0S     | https://acme-v02.api.letsencrypt.org/directory | INVALID: EXPIRED
            -PT1S    | https://acme-v02.api.letsencrypt.org/directory | INVALID: EXPIRED
            P30D     | https://acme-staging-v02.api.letsencrypt.org/dir | INVALID: TEST_CERT
            -P1D     | https://ca.staging.example/dir | INVALID: TEST_CERT, EXPIRED
            """)
    void statesValidityAsCertbotDoes(Duration left, String server, String status) {
        fixture.engine.lineages = List.of(FakeEngine.lineage("a.example", List.of("a.example"),
                Path.of("/l"), CommandFixture.NOW.plus(left), server));

        fixture.run(console, "certificates");

        assertThat(console.output()).contains("(" + status + ")\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --cert-name b.example                  | b.example
            -d www.a.example                       | a.example
            -d a.example,WWW.A.example             | a.example
            -d a.example -d c.example              | ''
            --cert-name b.example -d a.example     | b.example
            --cert-name b.example -d www.a.example | ''
            --cert-name nothing                    | ''
            """)
    void narrowsTheListByNameAndDomainsAsCertbotDoes(String filter, String shown) {
        fixture.engine.lineages = List.of(
                lineage("a.example", List.of("a.example", "www.a.example"), Duration.ofDays(9)),
                lineage("b.example", List.of("b.example", "a.example"), Duration.ofDays(9)));
        String[] words = ("certificates " + filter).split(" ");

        fixture.run(console, words);

        String output = console.output();
        assertThat(output).contains("Found the following matching certs:\n");
        List<String> names = output.lines().filter(l -> l.startsWith("  Certificate Name: "))
                .map(l -> l.substring("  Certificate Name: ".length())).toList();
        assertThat(String.join(" ", names)).isEqualTo(shown);
    }

    @Test
    void leavesAnEmptyLineWhenTheFiltersMatchNothing() {
        fixture.engine.lineages = List.of(lineage("a.example", List.of("a.example"),
                Duration.ofDays(9)));

        fixture.run(console, "certificates", "--cert-name", "z.example");

        assertThat(console.output()).isEqualTo("\n" + RULE + "\n"
                + "Found the following matching certs:\n\n" + RULE + "\n");
    }

    private static Lineage lineage(String name, List<String> domains, Duration left) {
        Lineage lineage = FakeEngine.lineage(name, domains,
                Path.of("/etc/letsencrypt/live").resolve(name), CommandFixture.NOW.plus(left),
                PRODUCTION);
        return new Lineage(lineage.name(), lineage.domains(), lineage.notBefore(),
                lineage.notAfter(), "000A1B2C", lineage.keyType(), lineage.files(),
                lineage.server());
    }
}
