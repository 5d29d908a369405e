package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certificates} lists a lineage Certloom issued, and Debian's certbot, reading the
 * same folders, lists it too: the storage is certbot's, not a look-alike.
 */
class LineageListingIT {

    private static final String NAME = "listed.example.test";
    private static final List<String> NAMES = List.of(NAME, "alt.listed.example.test");
    private static final Duration CERTBOT_TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern DOMAINS = Pattern.compile("Domains: (.+)");

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    private static CertbotDirs dirs;

    @BeforeAll
    static void issueOneLineage() {
        dirs = CertbotDirs.under(shared.folder().resolve("certbot"));
        CommandResult result = testbed().certloom().run(
                testbed().certonly(dirs, NAMES, testbed().webroot()));
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void certificatesListsTheIssuedLineageLikeCertbot() {
        List<String> command = new ArrayList<>(List.of("certificates"));
        command.addAll(dirs.flags());

        CommandResult result = testbed().certloom().run(command);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertListsTheLineage(result);
    }

    @Test
    void debianCertbotListsTheLineageCertloomStored(@TempDir Path output) {
        List<String> command = new ArrayList<>(List.of("certbot", "certificates"));
        command.addAll(dirs.flags());

        CommandResult result = new CommandRunner(output, Map.of())
                .run(command, "", CERTBOT_TIMEOUT);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertListsTheLineage(result);
    }

    private static void assertListsTheLineage(CommandResult result) {
        assertThat(result.stdout()).as(result.describe())
                .contains("Certificate Name: " + NAME)
                .contains("Certificate Path: " + dirs.live(NAME).resolve("fullchain.pem"))
                .contains("Private Key Path: " + dirs.live(NAME).resolve("privkey.pem"));
        Matcher domains = DOMAINS.matcher(result.stdout());
        assertThat(domains.find()).as("a Domains: line in\n%s", result.stdout()).isTrue();
        assertThat(domains.group(1).strip().split(" "))
                .containsExactlyInAnyOrderElementsOf(NAMES);
    }
}
