package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files one issuance leaves, in certbot's layout, so that certbot and Certloom can
 * each use what the other wrote. One lineage is issued for the class; each test checks
 * one promise about it.
 */
class StoredLineageIT {

    private static final String NAME = "stored.example.test";
    private static final List<String> NAMES = List.of(NAME, "www.stored.example.test");

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

    @ParameterizedTest
    @ValueSource(strings = {"cert", "chain", "fullchain", "privkey"})
    void liveFileIsARelativeLinkToTheFirstArchivedVersion(String kind) throws IOException {
        Path link = dirs.live(NAME).resolve(kind + ".pem");

        Path target = Files.readSymbolicLink(link);

        assertThat(target.isAbsolute()).as("%s -> %s is relative", link, target).isFalse();
        assertThat(link.getParent().resolve(target).normalize())
                .isEqualTo(dirs.archive(NAME).resolve(kind + "1.pem"));
        assertThat(dirs.archive(NAME).resolve(kind + "1.pem")).isRegularFile();
    }

    @Test
    void certificateNamesExactlyTheRequestedNames() {
        X509Certificate certificate = leaf();

        assertThat(CertificateChecks.dnsNames(certificate))
                .containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @Test
    void privateKeyMatchesTheCertificate() {
        X509Certificate certificate = leaf();

        boolean matches = CertificateChecks.keyMatches(
                PemFiles.readPrivateKey(dirs.live(NAME).resolve("privkey.pem")), certificate);

        assertThat(matches).as("privkey.pem signs what cert.pem verifies").isTrue();
    }

    @Test
    void fullchainIsTheCertificateFollowedByTheChain() {
        List<X509Certificate> expected = new ArrayList<>(List.of(leaf()));
        expected.addAll(PemFiles.readCertificates(dirs.live(NAME).resolve("chain.pem")));

        List<X509Certificate> fullchain =
                PemFiles.readCertificates(dirs.live(NAME).resolve("fullchain.pem"));

        assertThat(fullchain).hasSizeGreaterThan(1).containsExactlyElementsOf(expected);
    }

    @Test
    void chainValidatesUpToPebblesRoot() {
        List<X509Certificate> fullchain =
                PemFiles.readCertificates(dirs.live(NAME).resolve("fullchain.pem"));
        X509Certificate root = testbed().pebble().rootCertificates().root();

        assertThatCode(() -> CertificateChecks.validate(fullchain, root))
                .doesNotThrowAnyException();
    }

    @Test
    void privateKeyAndItsFoldersAreOwnerOnly() throws IOException {
        Path key = dirs.archive(NAME).resolve("privkey1.pem");

        assertThat(permissions(key)).isEqualTo("rw-------");
        assertThat(permissions(dirs.config().resolve("archive"))).isEqualTo("rwx------");
        assertThat(permissions(dirs.config().resolve("live"))).isEqualTo("rwx------");
        assertThat(permissions(dirs.archive(NAME))).isEqualTo("rwx------");
    }

    @Test
    void renewalConfigurationHasCertbotsKeys() {
        RenewalConfig config = RenewalConfig.read(dirs.renewalConf(NAME));

        assertThat(config.top()).containsAllEntriesOf(Map.of(
                "archive_dir", dirs.archive(NAME).toString(),
                "cert", dirs.live(NAME).resolve("cert.pem").toString(),
                "privkey", dirs.live(NAME).resolve("privkey.pem").toString(),
                "chain", dirs.live(NAME).resolve("chain.pem").toString(),
                "fullchain", dirs.live(NAME).resolve("fullchain.pem").toString()));
        assertThat(config.renewalParams())
                .containsEntry("authenticator", "webroot")
                .containsEntry("server", testbed().pebble().directoryUrl().toString())
                .containsEntry("account", onlyAccountId());
    }

    private static X509Certificate leaf() {
        return PemFiles.readCertificates(dirs.live(NAME).resolve("cert.pem")).get(0);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String onlyAccountId() {
        List<Path> accounts = dirs.accountFolders();
        assertThat(accounts).as("account folders").hasSize(1);
        return accounts.get(0).getFileName().toString();
    }
}
