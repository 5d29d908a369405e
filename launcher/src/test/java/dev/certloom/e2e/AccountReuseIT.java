package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second issuance with the same folders reuses the account of the first: no second
 * newAccount registration at the CA (RFC 8555 section 7.3), one account folder on disk.
 */
class AccountReuseIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void secondIssuanceForOtherNamesReusesTheAccount(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        Certloom certloom = testbed().certloom();
        int accountsBefore = testbed().pebble().accountCount();

        CommandResult first = testbed().certloom().run(
                testbed().certonly(dirs, List.of("first.example.test"), testbed().webroot()));
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(testbed().pebble().accountCount()).as("accounts at Pebble after the first run")
                .isEqualTo(accountsBefore + 1);
        CommandResult second = testbed().certloom().run(
                testbed().certonly(dirs, List.of("second.example.test"), testbed().webroot()));

        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(testbed().pebble().accountCount()).as("accounts at Pebble after the second run")
                .isEqualTo(accountsBefore + 1);
        List<Path> accounts = dirs.accountFolders();
        assertThat(accounts).as("account folders").hasSize(1);
        Path server = dirs.accounts().resolve("127.0.0.1:"
                + testbed().pebble().directoryUrl().getPort()).resolve("dir");
        assertThat(accounts.get(0).getParent()).as("certbot's folder for the server")
                .isEqualTo(server);
        String id = accounts.get(0).getFileName().toString();
        for (String lineage : List.of("first.example.test", "second.example.test")) {
            assertThat(RenewalConfig.read(dirs.renewalConf(lineage)).renewalParams())
                    .as("renewal/%s.conf", lineage).containsEntry("account", id);
        }
    }
}
