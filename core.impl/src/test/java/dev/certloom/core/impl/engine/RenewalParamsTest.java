package dev.certloom.core.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.KeySpec;
import dev.certloom.core.impl.storage.RenewalConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalParamsTest {

    private static final List<PluginOption> OPTIONS = List.of(
            PluginOption.of("standalone", "tls-alpn-01-port", PluginOption.Type.INTEGER)
                    .flag("--tls-alpn-01-port").renewalKey("tls_alpn_01_port").build());

    @TempDir
    Path temp;

    @Test
    void savesThePreferredChallengesInOrderUnderCertbotsKey() throws Exception {
        CertificateRequest request = request(
                List.of(ChallengeType.TLS_ALPN_01, ChallengeType.HTTP_01));

        RenewalConfiguration renewal = RenewalParams.of(request, "acct", "standalone",
                OPTIONS);
        Path file = temp.resolve("example.org.conf");
        renewal.write(file);

        assertThat(RenewalConfiguration.read(file).paramList("pref_challs"))
                .contains(List.of("tls-alpn-01", "http-01"));
        assertThat(renewal.param("tls_alpn_01_port")).contains("8443");
    }

    @Test
    void savesASinglePreferenceAsAList() throws Exception {
        RenewalConfiguration renewal = RenewalParams.of(
                request(List.of(ChallengeType.DNS_01)), "acct", "standalone", OPTIONS);
        Path file = temp.resolve("single.conf");
        renewal.write(file);

        assertThat(RenewalConfiguration.read(file).paramList("pref_challs"))
                .contains(List.of("dns-01"));
    }

    @Test
    void leavesPrefChallsOutWithoutAPreference() {
        RenewalConfiguration renewal = RenewalParams.of(request(List.of()), "acct",
                "standalone", OPTIONS);

        assertThat(renewal.paramNames()).doesNotContain("pref_challs");
    }

    private static CertificateRequest request(List<ChallengeType> preferred) {
        OptionValues options = new OptionValues(
                Map.of("tls-alpn-01-port", List.of("8443")), Map.of());
        return new CertificateRequest(List.of("example.org"), null, "standalone", options,
                preferred, new CertificateRequest.AccountSpec(
                        URI.create("https://127.0.0.1:14000/dir"), null, true),
                KeySpec.DEFAULT, null, false);
    }
}
