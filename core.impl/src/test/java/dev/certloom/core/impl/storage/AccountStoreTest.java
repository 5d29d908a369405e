package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.StorageException;
import dev.certloom.core.impl.storage.AccountStore.StoredAccount;
import dev.certloom.core.impl.testing.PackageLogCapture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountStoreTest {

    private static final URI SERVER = URI.create("https://127.0.0.1:14000/dir");
    private static final URI LOCATION = URI.create("https://127.0.0.1:14000/my-account/1");
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123Z");
    /** An EC account key as certbot (josepy) writes it, and its id as certbot computed it. */
    private static final String CERTBOT_KEY = "{\"d\": \"4voIxaDJx6gIKTkgVr0njxaFtMXHYCw0YfDFk1"
            + "avFFA\", \"x\": \"SqNUqYnpTPd7RQNONDhwe1Q5IKBqpuJz1K-nT-ZCTEo\", \"y\": \"tyKuf2_"
            + "94BznT-3WjPnh34yM9lAi-_5V8BVvQCZv6_U\", \"crv\": \"P-256\", \"kty\": \"EC\"}";
    private static final String CERTBOT_ID = "9bafdd43eef907fb53ec088fc81cdb23";

    @RegisterExtension
    final PackageLogCapture log = PackageLogCapture.forPackageOf(AccountStoreTest.class);

    @TempDir
    Path temp;

    private Workspace workspace;
    private AccountStore store;

    @BeforeEach
    void createStore() {
        workspace = new Workspace(temp.resolve("config"), temp.resolve("work"),
                temp.resolve("logs"));
        Supplier<String> host = () -> "host.example.org";
        store = new AccountStore(workspace, Clock.fixed(NOW, ZoneOffset.UTC), host);
    }

    static Stream<KeyPair> keys() {
        return Stream.of(TestPki.ecKey(), TestPki.rsaKey());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void findReturnsWhatSaveStored(KeyPair key) throws Exception {
        StoredAccount saved = store.save(SERVER, key, LOCATION, List.of("mailto:a@example.org"));

        StoredAccount found = store.find(SERVER).orElseThrow();

        assertThat(found.id()).isEqualTo(saved.id())
                .isEqualTo(AccountKeyJson.accountId(key.getPublic()));
        assertThat(found.server()).isEqualTo(SERVER);
        assertThat(found.location()).isEqualTo(LOCATION);
        assertThat(found.contacts()).containsExactly("mailto:a@example.org");
        assertThat(found.created()).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(found.keyPair().getPublic()).isEqualTo(key.getPublic());
        assertThat(found.keyPair().getPrivate().getEncoded())
                .isEqualTo(key.getPrivate().getEncoded());
    }

    @Test
    void savesInCertbotsLayoutAndModes() throws Exception {
        StoredAccount saved = store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());

        Path accounts = workspace.configDir().resolve("accounts");
        Path folder = accounts.resolve("127.0.0.1:14000").resolve("dir").resolve(saved.id());
        assertThat(AtomicFilesTest.entries(folder))
                .containsExactly("meta.json", "private_key.json", "regr.json");
        for (Path each = folder; !each.equals(workspace.configDir()); each = each.getParent()) {
            assertThat(Files.getPosixFilePermissions(each)).as(each.toString())
                    .isEqualTo(AtomicFiles.PRIVATE_DIR);
        }
        assertThat(Files.getPosixFilePermissions(folder.resolve("private_key.json")))
                .isEqualTo(AtomicFiles.PRIVATE_FILE);
        assertThat(Files.getPosixFilePermissions(folder.resolve("meta.json")))
                .isEqualTo(AtomicFiles.PUBLIC_FILE);
        assertThat(JsonUtil.parseJson(Files.readString(folder.resolve("meta.json"))))
                .containsExactly(Map.entry("creation_dt", "2024-05-06T07:08:09Z"),
                        Map.entry("creation_host", "host.example.org"));
        assertThat(JsonUtil.parseJson(Files.readString(folder.resolve("regr.json"))))
                .containsExactly(Map.entry("body", Map.of()),
                        Map.entry("uri", LOCATION.toString()));
    }

    @Test
    void readsAnAccountCertbotWroteAndKeepsItsId() throws Exception {
        Path folder = workspace.configDir()
                .resolve("accounts/127.0.0.1:14000/dir/" + CERTBOT_ID);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("private_key.json"), CERTBOT_KEY);
        Files.writeString(folder.resolve("regr.json"),
                "{\"body\": {}, \"uri\": \"" + LOCATION + "\"}");
        Files.writeString(folder.resolve("meta.json"), "{\"creation_dt\": "
                + "\"2023-01-02T03:04:05Z\", \"creation_host\": \"elsewhere\"}");

        StoredAccount found = store.find(SERVER).orElseThrow();

        assertThat(found.id()).isEqualTo(CERTBOT_ID);
        assertThat(AccountKeyJson.accountId(found.keyPair().getPublic())).isEqualTo(CERTBOT_ID);
        assertThat(found.contacts()).isEmpty();
        assertThat(found.created()).isEqualTo(Instant.parse("2023-01-02T03:04:05Z"));
    }

    @Test
    void findSkipsAnAccountWithoutItsKeyAndTakesTheNextComplete() throws Exception {
        StoredAccount first = store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());
        StoredAccount second = store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());
        StoredAccount earlier = first.id().compareTo(second.id()) < 0 ? first : second;
        StoredAccount later = earlier == first ? second : first;
        Path folder = store.serverFolder(SERVER).resolve(earlier.id());
        Files.delete(folder.resolve("private_key.json"));

        assertThat(store.find(SERVER).orElseThrow().id()).isEqualTo(later.id());
        assertThat(log.warnings()).singleElement().asString()
                .contains(folder.toString(), "has no private_key.json");
    }

    @Test
    void findPicksTheFirstAccountByIdWhenSeveralAreComplete() throws Exception {
        StoredAccount first = store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());
        StoredAccount second = store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());

        String expected = first.id().compareTo(second.id()) < 0 ? first.id() : second.id();
        assertThat(store.find(SERVER).orElseThrow().id()).isEqualTo(expected);
    }

    @Test
    void findSkipsAnAccountWithAnUnreadableKey() throws Exception {
        StoredAccount saved = store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());
        Files.writeString(store.serverFolder(SERVER).resolve(saved.id())
                .resolve("private_key.json"), "{\"kty\": \"EC\"}");

        assertThat(store.find(SERVER)).isEmpty();
        assertThat(log.warnings()).singleElement().asString()
                .contains(saved.id(), "holds no private EC or RSA JWK");
    }

    @Test
    void logsNoKeyMaterialWhenSaving() throws Exception {
        KeyPair key = TestPki.ecKey();

        store.save(SERVER, key, LOCATION, List.of());

        String privateJson = AccountKeyJson.toJson(key);
        String d = (String) JsonUtil.parseJson(privateJson).get("d");
        assertThat(log.all()).isNotEmpty().noneMatch(message -> message.contains(d));
    }

    @Test
    void findKnowsNothingOfAnotherServer() throws Exception {
        store.save(SERVER, TestPki.ecKey(), LOCATION, List.of());

        assertThat(store.find(URI.create("https://127.0.0.1:14000/other"))).isEmpty();
        assertThat(store.find(URI.create("https://acme.example.org/directory"))).isEmpty();
    }

    @Test
    void serverFolderFollowsCertbotsRule() throws Exception {
        URI letsEncrypt = URI.create("https://acme-v02.api.letsencrypt.org/directory");

        assertThat(store.serverFolder(letsEncrypt)).isEqualTo(workspace.configDir()
                .resolve("accounts/acme-v02.api.letsencrypt.org/directory"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/../escape", "https://example.org/./dir",
        "file:///directory"})
    void refusesAServerUrlThatCannotNameAFolder(String url) {
        assertThatThrownBy(() -> store.find(URI.create(url)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(url);
    }
}
