package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certonly --standalone --preferred-challenges tls-alpn-01}: Certloom answers
 * TLS-ALPN-01 (RFC 8737) from a TLS server of its own on the port Pebble validates on,
 * for several names in one certificate, refuses a client that does not offer
 * {@code acme-tls/1}, and keeps the preference for renewals.
 */
class TlsAlpnIT {

    private static final List<String> NAMES = List.of("alpn.example.test",
            "www.alpn.example.test", "mail.alpn.example.test");

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withoutWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void issuesForSeveralNamesRefusesOtherAlpnAndSavesThePreference(@TempDir Path root)
            throws Exception {
        CertbotDirs dirs = CertbotDirs.under(root);

        CommandResult result;
        String refusal;
        try (AlpnProbe probe = AlpnProbe.start(testbed().tlsPort(), NAMES.get(0),
                List.of("h2", "http/1.1"))) {
            result = testbed().certloom().run(
                    testbed().certonly(dirs, NAMES, testbed().standaloneTlsAlpn()));
            refusal = probe.outcome().orElse("the TLS port never listened");
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        X509Certificate certificate = PemFiles.readCertificates(
                dirs.live(NAMES.get(0)).resolve("cert.pem")).get(0);
        assertThat(CertificateChecks.dnsNames(certificate))
                .containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(refusal).as("a client offering h2 and http/1.1 only")
                .contains("no_application_protocol");
        Map<String, String> params =
                RenewalConfig.read(dirs.renewalConf(NAMES.get(0))).renewalParams();
        assertThat(params).containsEntry("authenticator", "standalone")
                .containsEntry("pref_challs", "tls-alpn-01,")
                .containsEntry("tls_alpn_01_port", Integer.toString(testbed().tlsPort()))
                .containsEntry("tls_alpn_01_address", "127.0.0.1");
        assertThat(LoopbackPorts.isFree(testbed().tlsPort()))
                .as("port %d is free again", testbed().tlsPort()).isTrue();
    }
}
