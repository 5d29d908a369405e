package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.StorageException;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.storage.LineageStore.IssuedCertificate;
import dev.certloom.core.impl.testing.PackageLogCapture;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineageStoreTest {

    private static final URI SERVER = URI.create("https://127.0.0.1:14000/dir");
    private static final BigInteger SERIAL = new BigInteger("0fa1b2c3d4", 16);

    @RegisterExtension
    final PackageLogCapture log = PackageLogCapture.forPackageOf(LineageStoreTest.class);

    @TempDir
    Path temp;

    private final TestPki pki = new TestPki();
    private Workspace workspace;
    private LineageStore store;
    private Path config;

    @BeforeEach
    void createStore() {
        workspace = new Workspace(temp.resolve("config"), temp.resolve("work"),
                temp.resolve("logs"));
        config = workspace.configDir();
        store = new LineageStore(workspace);
    }

    @Test
    void createWritesArchiveFilesLiveLinksAndTheRenewalConfiguration() throws Exception {
        IssuedCertificate issued = pki.issue(TestPki.ecKey(), SERIAL, "example.org",
                "www.example.org");

        store.create("example.org", issued, webrootRenewal(), SERVER);

        Path archive = config.resolve("archive/example.org");
        assertThat(AtomicFilesTest.entries(archive)).containsExactly("cert1.pem",
                "chain1.pem", "fullchain1.pem", "privkey1.pem");
        assertThat(Files.readString(archive.resolve("cert1.pem")))
                .isEqualTo(PemEncoding.certificate(issued.leaf()));
        assertThat(Files.readString(archive.resolve("chain1.pem")))
                .isEqualTo(PemEncoding.certificate(issued.chain().get(1)));
        assertThat(Files.readString(archive.resolve("fullchain1.pem")))
                .isEqualTo(PemEncoding.certificates(issued.chain()));
        assertThat(Files.readString(archive.resolve("privkey1.pem")))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .isEqualTo(PemEncoding.privateKey(issued.key()));
        Path live = config.resolve("live/example.org");
        assertThat(AtomicFilesTest.entries(live)).containsExactly("README", "cert.pem",
                "chain.pem", "fullchain.pem", "privkey.pem");
        for (String kind : List.of("cert", "chain", "fullchain", "privkey")) {
            assertThat(Files.readSymbolicLink(live.resolve(kind + ".pem")))
                    .isEqualTo(Path.of("../../archive/example.org/" + kind + "1.pem"));
        }
        assertThat(config.resolve("live/README")).exists();
        assertThat(config.resolve("renewal/example.org.conf")).exists();
    }

    @Test
    void createGivesKeysAndTheirFoldersPrivateModesEvenInAWideOpenFolder() throws Exception {
        // What a umask of 000 would give the configuration folder.
        Files.createDirectories(config);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxrwxrwx"));

        store.create("example.org", pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                new RenewalConfiguration(), SERVER);

        assertThat(Files.getPosixFilePermissions(config.resolve("archive")))
                .isEqualTo(AtomicFiles.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(config.resolve("archive/example.org")))
                .isEqualTo(AtomicFiles.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(config.resolve("live")))
                .isEqualTo(AtomicFiles.PRIVATE_DIR);
        assertThat(Files.getPosixFilePermissions(config.resolve("live/example.org")))
                .isEqualTo(AtomicFiles.PUBLIC_DIR);
        assertThat(Files.getPosixFilePermissions(
                config.resolve("archive/example.org/privkey1.pem")))
                .isEqualTo(AtomicFiles.PRIVATE_FILE);
        assertThat(Files.getPosixFilePermissions(
                config.resolve("archive/example.org/fullchain1.pem")))
                .isEqualTo(AtomicFiles.PUBLIC_FILE);
        assertThat(Files.getPosixFilePermissions(config.resolve("renewal/example.org.conf")))
                .isEqualTo(AtomicFiles.PUBLIC_FILE);
    }

    @Test
    void createRecordsFilesServerKeyTypeAndParametersForRenewal() throws Exception {
        store.create("example.org", pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                webrootRenewal(), SERVER);

        RenewalConfiguration renewal =
                RenewalConfiguration.read(config.resolve("renewal/example.org.conf"));
        assertThat(renewal.get("version")).hasValue(RenewalConfiguration.VERSION);
        assertThat(renewal.get("archive_dir")).hasValue(config.resolve("archive/example.org")
                .toString());
        assertThat(renewal.get("fullchain"))
                .hasValue(config.resolve("live/example.org/fullchain.pem").toString());
        assertThat(renewal.param("authenticator")).hasValue("webroot");
        assertThat(renewal.paramList("webroot_path")).hasValue(List.of("/srv/www"));
        assertThat(renewal.isList("webroot_path")).isTrue();
        assertThat(renewal.paramList("pref_challs")).hasValue(List.of("http-01", "dns-01"));
        assertThat(renewal.param("server")).hasValue(SERVER.toString());
        assertThat(renewal.param("key_type")).hasValue("ecdsa");
        assertThat(renewal.subsection("webroot_map"))
                .containsExactly(Map.entry("example.org", "/srv/www"));
    }

    @Test
    void listDescribesTheLineageFromItsCurrentCertificate() throws Exception {
        store.create("example.org", pki.issue(TestPki.ecKey(), SERIAL, "www.example.org",
                "example.org", "api.example.org"), new RenewalConfiguration(), SERVER);

        Lineage lineage = store.list().get(0);

        assertThat(lineage.name()).isEqualTo("example.org");
        assertThat(lineage.domains())
                .containsExactly("www.example.org", "example.org", "api.example.org");
        assertThat(lineage.notBefore()).isEqualTo(TestPki.NOT_BEFORE);
        assertThat(lineage.notAfter()).isEqualTo(TestPki.NOT_AFTER);
        assertThat(lineage.serial()).isEqualTo("fa1b2c3d4");
        assertThat(lineage.keyType()).isEqualTo("ECDSA");
        assertThat(lineage.server()).isEqualTo(SERVER.toString());
        assertThat(lineage.files().privateKey())
                .isEqualTo(config.resolve("live/example.org/privkey.pem"));
    }

    @Test
    void createReturnsWhatListWillShow() throws Exception {
        Lineage created = store.create("example.org", pki.issue(TestPki.rsaKey(), SERIAL,
                "example.org"), new RenewalConfiguration(), SERVER);

        assertThat(store.list()).containsExactly(created);
        assertThat(created.keyType()).isEqualTo("RSA");
    }

    @Test
    void listSortsByNameAndIsEmptyWithoutLineages() throws Exception {
        assertThat(store.list()).isEmpty();
        for (String name : List.of("b.example", "a.example-0001", "a.example")) {
            store.create(name, pki.issue(TestPki.ecKey(), SERIAL, name), new RenewalConfiguration(),
                    SERVER);
        }

        assertThat(store.list()).extracting(Lineage::name)
                .containsExactly("a.example", "a.example-0001", "b.example");
    }

    @Test
    void freeNameCountsUpWhileAConfigurationLiveOrArchiveFolderExists() throws Exception {
        assertThat(store.freeName("example.org")).isEqualTo("example.org");
        store.create("example.org", pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                new RenewalConfiguration(), SERVER);
        Files.createDirectories(config.resolve("live/example.org-0001"));
        Files.createDirectories(config.resolve("archive/example.org-0002"));
        Files.writeString(config.resolve("renewal/example.org-0003.conf"), "");

        assertThat(store.freeName("example.org")).isEqualTo("example.org-0004");
    }

    @Test
    void createRefusesANameInUse() throws Exception {
        Files.createDirectories(config.resolve("archive/example.org"));

        assertThatThrownBy(() -> store.create("example.org",
                pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                new RenewalConfiguration(), SERVER))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("The certificate name example.org is already in use");
        assertThat(config.resolve("archive/example.org")).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "a/b", ".."})
    void createRefusesANameThatCannotBeAFolder(String name) {
        assertThatThrownBy(() -> store.create(name,
                pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                new RenewalConfiguration(), SERVER))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot name a folder");
    }

    @Test
    void createRefusesAKeyThatDoesNotMatchAndLeavesNothing() throws Exception {
        IssuedCertificate issued = pki.issue(TestPki.ecKey(), SERIAL, "example.org");
        IssuedCertificate mismatched = new IssuedCertificate(issued.chain(),
                TestPki.ecKey().getPrivate());

        assertThatThrownBy(() -> store.create("example.org", mismatched, new RenewalConfiguration(),
                SERVER))
                .isInstanceOf(StorageException.class)
                .hasMessage("Cannot store the certificate lineage example.org because the "
                        + "private key does not match the certificate.");
        assertThat(config.resolve("archive/example.org")).doesNotExist();
    }

    @Test
    void failureAtTheLastStepRemovesThePartlyWrittenLineage() throws Exception {
        Files.createDirectories(config);
        // A file where the renewal folder belongs makes the very last write fail.
        Files.writeString(config.resolve("renewal"), "in the way");

        assertThatThrownBy(() -> store.create("example.org",
                pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                new RenewalConfiguration(), SERVER))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(config.resolve("renewal").toString());

        assertThat(config.resolve("archive")).isEmptyDirectory();
        assertThat(AtomicFilesTest.entries(config.resolve("live"))).containsExactly("README");
        assertThat(store.freeName("example.org")).isEqualTo("example.org");
    }

    @Test
    void brokenLineageIsSkippedWithAWarningAndReportedByScan() throws Exception {
        store.create("good.example", pki.issue(TestPki.ecKey(), SERIAL, "good.example"),
                new RenewalConfiguration(), SERVER);
        store.create("bad.example", pki.issue(TestPki.ecKey(), SERIAL, "bad.example"),
                new RenewalConfiguration(), SERVER);
        Files.delete(config.resolve("archive/bad.example/cert1.pem"));

        LineageStore.Scan scan = store.scan();

        assertThat(scan.lineages()).extracting(Lineage::name).containsExactly("good.example");
        assertThat(scan.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.name()).isEqualTo("bad.example");
            assertThat(broken.reason()).contains("live/bad.example/cert.pem");
        });
        assertThat(log.warnings()).singleElement().asString()
                .startsWith("Skipping the broken certificate lineage bad.example:");
    }

    @Test
    void listIgnoresHiddenAndForeignFilesInTheRenewalFolder() throws Exception {
        store.create("example.org", pki.issue(TestPki.ecKey(), SERIAL, "example.org"),
                new RenewalConfiguration(), SERVER);
        Files.writeString(config.resolve("renewal/.example.org.conf.1234.tmp"), "partial");
        Files.writeString(config.resolve("renewal/.hidden.conf"), "not = listed");
        Files.writeString(config.resolve("renewal/notes.txt"), "not a configuration");

        LineageStore.Scan scan = store.scan();

        assertThat(scan.lineages()).extracting(Lineage::name).containsExactly("example.org");
        assertThat(scan.broken()).isEmpty();
    }

    private static RenewalConfiguration webrootRenewal() {
        RenewalConfiguration renewal = new RenewalConfiguration();
        renewal.setParam("authenticator", "webroot");
        renewal.setParamList("webroot_path", List.of("/srv/www"));
        renewal.setParamList("pref_challs", List.of("http-01", "dns-01"));
        renewal.setSubsection("webroot_map", Map.of("example.org", "/srv/www"));
        return renewal;
    }
}
