package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.storage.AccountStore.StoredAccount;
import dev.certloom.core.impl.testing.PackageLogCapture;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks against the certbot installed on the machine that each reads what the other
 * writes. Skipped when no {@code certbot} is on the PATH.
 */
class CertbotInteropTest {

    private static final URI SERVER = URI.create("https://127.0.0.1:14000/dir");
    /** Loads the accounts of a server through certbot's own account storage. */
    private static final String LOAD_ACCOUNTS = String.join("\n",
            "import argparse, json, sys",
            "from certbot import configuration",
            "from certbot._internal import account",
            "ns = argparse.Namespace(config_dir=sys.argv[1], work_dir=sys.argv[2],",
            "    logs_dir=sys.argv[3], server=sys.argv[4], strict_permissions=False,",
            "    http01_port=80, https_port=443, domains=[])",
            "storage = account.AccountFileStorage(configuration.NamespaceConfig(ns))",
            "print(json.dumps([{'id': a.id, 'uri': a.regr.uri,",
            "    'contact': list(a.regr.body.contact)} for a in storage.find_all()]))");
    /** Reads a file with certbot's ConfigObj and prints it as JSON. */
    private static final String READ_CONFIGOBJ = String.join("\n",
            "import configobj, json, sys",
            "c = configobj.ConfigObj(sys.argv[1], encoding='utf-8', default_encoding='utf-8')",
            "print(json.dumps(c.dict()))");
    /** Writes a renewal configuration with certbot's ConfigObj, as certbot's storage does. */
    private static final String WRITE_CONFIGOBJ = String.join("\n",
            "import configobj, sys",
            "c = configobj.ConfigObj(encoding='utf-8', default_encoding='utf-8')",
            "c.initial_comment = ['renew_before_expiry = 30 days']",
            "c['version'] = '2.1.0'",
            "c['cert'] = '/srv/live/example.org/cert.pem'",
            "c['renewalparams'] = {}",
            "c.comments['renewalparams'] = ['', 'Options used in the renewal process']",
            "p = c['renewalparams']",
            "p['webroot_path'] = ['/srv/www']",
            "p['pref_challs'] = ['http-01', 'dns-01']",
            "p['post_hook'] = 'systemctl reload nginx, apache2'",
            "p['pre_hook'] = 'echo \"it' + \"'\" + 's\"'",
            "p['empty'] = ''",
            "p['webroot_map'] = {'example.org': '/srv/www', 'www.example.org': '/srv/www'}",
            "with open(sys.argv[1], 'wb') as f:",
            "    c.write(outfile=f)");

    private static Path certbot;
    private static String python;

    @RegisterExtension
    final PackageLogCapture log = PackageLogCapture.forPackageOf(CertbotInteropTest.class);

    @TempDir
    Path temp;

    private final TestPki pki = new TestPki();
    private Workspace workspace;

    @BeforeAll
    static void findCertbot() throws IOException {
        certbot = onPath("certbot").orElse(null);
        assumeTrue(certbot != null, "certbot is not installed");
        String shebang = Files.readAllLines(certbot, StandardCharsets.UTF_8).get(0);
        assumeTrue(shebang.startsWith("#!"), "certbot is not a Python script");
        python = shebang.substring(2).strip().split(" ")[0];
    }

    @BeforeEach
    void createWorkspace() {
        workspace = new Workspace(temp.resolve("config"), temp.resolve("work"),
                temp.resolve("logs"));
    }

    static Stream<KeyPair> keys() {
        return Stream.of(TestPki.ecKey(), TestPki.rsaKey());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void certbotCertificatesListsALineageCertloomStored(KeyPair key) throws Exception {
        Lineage lineage = new LineageStore(workspace).create("example.org",
                pki.issue(key, new BigInteger("1234abcd", 16), "example.org", "www.example.org"),
                webrootRenewal(), SERVER);

        String output = run(certbot.toString(), "certificates", "--config-dir",
                workspace.configDir().toString(), "--work-dir", workspace.workDir().toString(),
                "--logs-dir", workspace.logsDir().toString());

        assertThat(output).contains("Certificate Name: example.org",
                "Serial Number: 1234abcd", "Key Type: " + lineage.keyType(),
                "Domains: example.org www.example.org",
                "Certificate Path: " + lineage.files().fullChain(),
                "Private Key Path: " + lineage.files().privateKey())
                .doesNotContain("invalid", "Skipping");
    }

    @Test
    void certbotReadsBackTheRenewalConfigurationWeWrote() throws Exception {
        RenewalConfiguration configuration = new RenewalConfiguration();
        configuration.set(RenewalConfiguration.KEY_CERT, "/srv/live/example.org/cert.pem");
        configuration.setParamList("webroot_path", List.of("/srv/www"));
        configuration.setParamList("pref_challs", List.of("http-01", "dns-01"));
        configuration.setParamList("nothing", List.of());
        configuration.setParam("post_hook", "systemctl reload nginx, apache2 # really");
        configuration.setParam("pre_hook", "echo \"it's\"");
        configuration.setParam("spaced", " padded ");
        configuration.setParam("empty", "");
        configuration.setSubsection("webroot_map", Map.of("example.org", "/srv/www"));
        Path file = temp.resolve("example.org.conf");
        configuration.write(file);

        Map<String, Object> read = JsonUtil.parseJson(run(python, "-c", READ_CONFIGOBJ,
                file.toString()));

        assertThat(read).containsEntry("version", "2.1.0")
                .containsEntry("cert", "/srv/live/example.org/cert.pem");
        assertThat(read.get("renewalparams")).isEqualTo(Map.of(
                "webroot_path", List.of("/srv/www"), "pref_challs", List.of("http-01", "dns-01"),
                "nothing", List.of(), "post_hook", "systemctl reload nginx, apache2 # really",
                "pre_hook", "echo \"it's\"", "spaced", " padded ", "empty", "",
                "webroot_map", Map.of("example.org", "/srv/www")));
    }

    @Test
    void weReadTheRenewalConfigurationCertbotsConfigObjWrote() throws Exception {
        Path file = temp.resolve("example.org.conf");
        run(python, "-c", WRITE_CONFIGOBJ, file.toString());

        RenewalConfiguration read = RenewalConfiguration.read(file);

        assertThat(read.get("cert")).hasValue("/srv/live/example.org/cert.pem");
        assertThat(read.paramList("webroot_path")).hasValue(List.of("/srv/www"));
        assertThat(read.isList("webroot_path")).isTrue();
        assertThat(read.paramList("pref_challs")).hasValue(List.of("http-01", "dns-01"));
        assertThat(read.param("post_hook")).hasValue("systemctl reload nginx, apache2");
        assertThat(read.param("pre_hook")).hasValue("echo \"it's\"");
        assertThat(read.param("empty")).hasValue("");
        assertThat(read.subsection("webroot_map")).containsOnly(
                Map.entry("example.org", "/srv/www"), Map.entry("www.example.org", "/srv/www"));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void certbotLoadsAnAccountCertloomSaved(KeyPair key) throws Exception {
        StoredAccount saved = new AccountStore(workspace).save(SERVER, key,
                URI.create("https://127.0.0.1:14000/my-account/7"),
                List.of("mailto:admin@example.org"));

        Object loaded = JsonUtil.parseJson("{\"accounts\": " + run(python, "-c", LOAD_ACCOUNTS,
                workspace.configDir().toString(), workspace.workDir().toString(),
                workspace.logsDir().toString(), SERVER.toString()) + "}").get("accounts");

        assertThat(loaded).isEqualTo(List.of(Map.of("id", saved.id(),
                "uri", "https://127.0.0.1:14000/my-account/7",
                "contact", List.of("mailto:admin@example.org"))));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static RenewalConfiguration webrootRenewal() {
        RenewalConfiguration renewal = new RenewalConfiguration();
        renewal.setParam("authenticator", "webroot");
        renewal.setParamList("webroot_path", List.of("/srv/www"));
        renewal.setSubsection("webroot_map", Map.of("example.org", "/srv/www"));
        return renewal;
    }
}
