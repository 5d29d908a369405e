package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certonly --standalone}: Certloom answers HTTP-01 from a server of its own on
 * 127.0.0.1 at the port Pebble validates on, and closes it afterwards.
 */
class StandaloneIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withoutWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void issuesACertificateFromItsOwnServerAndFreesThePort(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        String name = "standalone.example.test";

        CommandResult result = testbed().certloom().run(
                testbed().certonly(dirs, List.of(name), testbed().standalone()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        X509Certificate certificate = PemFiles.readCertificates(
                dirs.live(name).resolve("cert.pem")).get(0);
        assertThat(CertificateChecks.dnsNames(certificate)).containsExactly(name);
        assertThat(RenewalConfig.read(dirs.renewalConf(name)).renewalParams())
                .containsEntry("authenticator", "standalone");
        assertThat(LoopbackPorts.isFree(testbed().httpPort()))
                .as("port %d is free again", testbed().httpPort()).isTrue();
    }
}
