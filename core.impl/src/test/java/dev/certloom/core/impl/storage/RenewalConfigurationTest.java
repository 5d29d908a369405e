package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalConfigurationTest {

    /** Laid out as certbot 2.1 writes it, plus quoting and comments a person may add. */
    private static final String WRITTEN_BY_CERTBOT = """
            # renew_before_expiry = 30 days
            version = 2.1.0
            archive_dir = /etc/letsencrypt/archive/example.org
            cert = /etc/letsencrypt/live/example.org/cert.pem
            privkey = /etc/letsencrypt/live/example.org/privkey.pem
            chain = /etc/letsencrypt/live/example.org/chain.pem
            fullchain = /etc/letsencrypt/live/example.org/fullchain.pem

            # Options used in the renewal process
            [renewalparams]
            account = 9bafdd43eef907fb53ec088fc81cdb23
            server = https://acme-v02.api.letsencrypt.org/directory
            authenticator = webroot
            webroot_path = /var/www/html,
            pref_challs = http-01, dns-01
            key_type = ecdsa  # chosen in 2023
            post_hook = "systemctl reload nginx, apache2"
            renew_hook = 'echo "renewed"'
            [[webroot_map]]
            example.org = /var/www/html
            www.example.org = /var/www/html
            """;

    @TempDir
    Path temp;

    @Test
    void readsWhatCertbotWrites() throws Exception {
        Path file = Files.writeString(temp.resolve("example.org.conf"), WRITTEN_BY_CERTBOT);

        RenewalConfiguration configuration = RenewalConfiguration.read(file);

        assertThat(configuration.get("version")).hasValue("2.1.0");
        assertThat(configuration.get(RenewalConfiguration.KEY_CERT))
                .hasValue("/etc/letsencrypt/live/example.org/cert.pem");
        assertThat(configuration.param("authenticator")).hasValue("webroot");
        assertThat(configuration.paramList("webroot_path")).hasValue(List.of("/var/www/html"));
        assertThat(configuration.isList("webroot_path")).isTrue();
        assertThat(configuration.paramList("pref_challs")).hasValue(List.of("http-01", "dns-01"));
        assertThat(configuration.param("key_type")).hasValue("ecdsa");
        assertThat(configuration.param("post_hook")).hasValue("systemctl reload nginx, apache2");
        assertThat(configuration.isList("post_hook")).isFalse();
        assertThat(configuration.param("renew_hook")).hasValue("echo \"renewed\"");
        assertThat(configuration.subsectionNames()).containsExactly("webroot_map");
        assertThat(configuration.subsection("webroot_map")).containsExactly(
                Map.entry("example.org", "/var/www/html"),
                Map.entry("www.example.org", "/var/www/html"));
    }

    @Test
    void writesCertbotsLayoutWithOurVersionAndAFirstComment() throws Exception {
        RenewalConfiguration configuration = new RenewalConfiguration();
        configuration.set(RenewalConfiguration.KEY_ARCHIVE_DIR, "/srv/archive/example.org");
        configuration.set(RenewalConfiguration.KEY_CERT, "/srv/live/example.org/cert.pem");
        configuration.setParam("authenticator", "webroot");
        configuration.setParamList("webroot_path", List.of("/var/www/html"));
        configuration.setSubsection("webroot_map", Map.of("example.org", "/var/www/html"));
        Path file = temp.resolve("example.org.conf");

        configuration.write(file);

        assertThat(Files.readString(file)).isEqualTo("""
                # Written by Certloom in certbot's format; certbot reads and renews it too.
                # renew_before_expiry = 30 days
                version = 2.1.0
                archive_dir = /srv/archive/example.org
                cert = /srv/live/example.org/cert.pem

                # Options used in the renewal process
                [renewalparams]
                authenticator = webroot
                webroot_path = /var/www/html,
                [[webroot_map]]
                example.org = /var/www/html
                """);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(AtomicFiles.PUBLIC_FILE);
    }

    @Test
    void writeReplacesAnOlderVersionNumber() throws Exception {
        Path file = Files.writeString(temp.resolve("old.conf"), "version = 0.31.0\n");
        RenewalConfiguration configuration = RenewalConfiguration.read(file);

        configuration.write(file);

        assertThat(RenewalConfiguration.read(file).get("version"))
                .hasValue(RenewalConfiguration.VERSION);
    }

    @Test
    void keepsEverythingThroughAWriteAndARead() throws Exception {
        Path file = Files.writeString(temp.resolve("example.org.conf"), WRITTEN_BY_CERTBOT
                + "[extra]\nunknown = kept\n[[nested]]\ndeep = too\n");
        RenewalConfiguration original = RenewalConfiguration.read(file);
        Path copy = temp.resolve("copy.conf");

        original.write(copy);
        RenewalConfiguration reread = RenewalConfiguration.read(copy);

        assertThat(snapshot(reread)).isEqualTo(snapshot(original));
        assertThat(Files.readString(copy)).contains("[extra]\nunknown = kept\n[[nested]]\n");
    }

    @Test
    void reportsEveryProblemWithTheFileAndItsLines() throws Exception {
        Path file = Files.writeString(temp.resolve("broken.conf"),
                "version = 2.1.0\nno equals sign\n[renewalparams\nkey = \"open\n");

        assertThatThrownBy(() -> RenewalConfiguration.read(file))
                .isInstanceOf(StorageException.class)
                .hasMessage("The renewal configuration " + file + " is not valid (line 2: "
                        + "expected \"key = value\" or a [section] marker; line 3: the section "
                        + "marker has no closing bracket; line 4: a quoted value is missing "
                        + "its closing \"); correct those lines or delete the lineage.");
    }

    @Test
    void reportsAMissingFile() {
        Path file = temp.resolve("absent.conf");

        assertThatThrownBy(() -> RenewalConfiguration.read(file))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Cannot read the renewal configuration " + file);
    }

    @Test
    void settersReplaceAndRemoveParameters() {
        RenewalConfiguration configuration = new RenewalConfiguration();
        configuration.setParamList("pref_challs", List.of("dns-01"));
        configuration.setParam("pref_challs", "http-01");
        configuration.setParam("installer", "nginx");
        configuration.setSubsection("webroot_map", Map.of("a", "/a"));

        configuration.removeParam("installer");
        configuration.removeSubsection("webroot_map");

        assertThat(configuration.paramNames()).containsExactly("pref_challs");
        assertThat(configuration.paramList("pref_challs")).hasValue(List.of("http-01"));
        assertThat(configuration.subsectionNames()).isEmpty();
        assertThat(configuration.subsection("webroot_map")).isEmpty();
    }

    private static Map<String, Object> snapshot(RenewalConfiguration configuration) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String key : List.of("version", "archive_dir", "cert", "privkey", "chain",
                "fullchain")) {
            all.put(key, configuration.get(key));
        }
        for (String key : configuration.paramNames()) {
            all.put("param " + key, configuration.paramList(key) + " " + configuration.isList(key));
        }
        for (String name : configuration.subsectionNames()) {
            all.put("section " + name, configuration.subsection(name));
        }
        return all;
    }
}
