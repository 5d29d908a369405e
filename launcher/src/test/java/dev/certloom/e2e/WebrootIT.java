package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certonly --webroot}: Certloom writes the HTTP-01 responses into the document root
 * of a real nginx, which Pebble reaches on 127.0.0.1 (RFC 8555 section 8.3).
 */
class WebrootIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void issuesACertificateForOneNameServedByNginx(@TempDir Path root) throws IOException {
        CertbotDirs dirs = CertbotDirs.under(root);
        String name = "web.example.test";

        CommandResult result = testbed().certloom().run(
                testbed().certonly(dirs, List.of(name), testbed().webroot()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        X509Certificate certificate = PemFiles.readCertificates(
                dirs.live(name).resolve("cert.pem")).get(0);
        assertThat(CertificateChecks.dnsNames(certificate)).containsExactly(name);
        assertThat(result.output()).contains(dirs.live(name).resolve("fullchain.pem").toString());
        // Pebble fetched the challenge response from nginx, and nginx had it.
        assertThat(testbed().nginx().accessLog())
                .containsPattern("\"GET /\\.well-known/acme-challenge/[\\w-]+ HTTP/1\\.1\" 200");
        assertThat(regularFilesUnder(testbed().nginx().webroot().resolve(".well-known")))
                .as("challenge files left in the webroot").isEmpty();
    }

    @Test
    void issuesOneCertificateForTenNames(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        List<String> names = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> "san" + i + ".ten.example.test").toList();

        CommandResult result = testbed().certloom().run(
                testbed().certonly(dirs, names, testbed().webroot()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        // certbot names a lineage after the first name asked for.
        X509Certificate certificate = PemFiles.readCertificates(
                dirs.live(names.get(0)).resolve("cert.pem")).get(0);
        assertThat(CertificateChecks.dnsNames(certificate))
                .containsExactlyInAnyOrderElementsOf(names);
    }

    private static List<Path> regularFilesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
