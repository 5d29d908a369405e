package dev.certloom.plugin.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.TestPluginContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsAlpn01ResponderTest {

    private static final Duration IDLE = Duration.ofMillis(300);
    private static final TlsAlpn01Challenge EXAMPLE =
            ValidationCertificates.challenge("example.org");
    private static final TlsAlpn01Challenge WWW =
            ValidationCertificates.challenge("www.example.org");

    private final StandaloneAuthenticator authenticator = new StandaloneAuthenticator(IDLE);

    @TempDir
    Path temp;

    private StandaloneAuthentication run;
    private int port;

    @BeforeEach
    void startTheTlsServerOnAFreeLoopbackPort() throws Exception {
        run = prepare(Map.of(), ChallengeType.TLS_ALPN_01);
        port = run.port(ChallengeType.TLS_ALPN_01);
        run.perform(List.of(EXAMPLE, WWW));
    }

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void presentsTheCertificateOfTheNameAskedBySniForAcmeTls1(String version)
            throws Exception {
        assertThat(handshakeOver(version, "example.org", "acme-tls/1"))
                .isEqualTo(EXAMPLE.certificate());
        assertThat(handshakeOver(version, "WWW.example.org", "acme-tls/1"))
                .isEqualTo(WWW.certificate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "http/1.1", ""})
    void refusesAClientThatDoesNotOfferAcmeTls1(String protocol) {
        String[] offered = protocol.isEmpty() ? new String[0] : new String[] {protocol};

        assertThatThrownBy(() -> handshake("example.org", offered))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void refusesANameNothingWasPublishedForAndAWithdrawnOne() throws Exception {
        run.cleanup(List.of(WWW));

        assertThatThrownBy(() -> handshake("other.example.org", "acme-tls/1"))
                .isInstanceOf(SSLException.class);
        assertThatThrownBy(() -> handshake("www.example.org", "acme-tls/1"))
                .isInstanceOf(SSLException.class);
        assertThat(handshake("example.org", "acme-tls/1")).isEqualTo(EXAMPLE.certificate());
    }

    @Test
    void bindsOnlyTheServersOfThePreferredTypes() {
        assertThatThrownBy(() -> run.port(ChallengeType.HTTP_01))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAPreferenceOnlyTheHttp01ServerRuns() throws Exception {
        try (StandaloneAuthentication plain = prepare(Map.of())) {
            assertThat(plain.port(ChallengeType.HTTP_01)).isPositive();
            assertThatThrownBy(() -> plain.port(ChallengeType.TLS_ALPN_01))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> plain.perform(List.of(EXAMPLE)))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("name tls-alpn-01 in --preferred-challenges");
        }
    }

    @Test
    void aPreferenceWithoutTypesOfThisPluginFailsBeforeBinding() {
        assertThatThrownBy(() -> prepare(Map.of(), ChallengeType.DNS_01))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--preferred-challenges allows only [dns-01]");
    }

    @Test
    void aTakenTlsPortFailsNamingItsFlagAndFreesTheHttpPort() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket http = new ServerSocket(0, 1, loopback)) {
            int httpPort = http.getLocalPort();
            http.close();

            assertThatThrownBy(() -> prepare(Map.of("http-01-port", String.valueOf(httpPort),
                    "tls-alpn-01-port", String.valueOf(port)),
                    ChallengeType.HTTP_01, ChallengeType.TLS_ALPN_01))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("Could not bind TCP port " + port)
                    .hasMessageContaining("--tls-alpn-01-port");
            try (ServerSocket again = new ServerSocket(httpPort, 1, loopback)) {
                assertThat(again.getLocalPort()).isEqualTo(httpPort);
            }
        }
    }

    private StandaloneAuthentication prepare(Map<String, String> ports,
            ChallengeType... preferred) throws Exception {
        Map<String, List<String>> values = new java.util.HashMap<>(Map.of(
                "http-01-port", List.of(ports.getOrDefault("http-01-port", "0")),
                "http-01-address", List.of("127.0.0.1"),
                "tls-alpn-01-port", List.of(ports.getOrDefault("tls-alpn-01-port", "0")),
                "tls-alpn-01-address", List.of("127.0.0.1")));
        OptionValues options = TestPluginContext.values(values);
        return (StandaloneAuthentication) authenticator.prepare(
                TestPluginContext.of(options, temp, "example.org", "www.example.org")
                        .preferring(preferred));
    }

    /** Connects as a CA would and returns the certificate the server presented. */
    private X509Certificate handshake(String name, String... protocols) throws Exception {
        return handshakeOver("TLSv1.3", name, protocols);
    }

    private X509Certificate handshakeOver(String version, String name, String... protocols)
            throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        // The validation certificate is self-signed: RFC 8737 section 4 has the CA check
        // its contents, not a chain, so this client trusts whatever it is shown.
        context.init(null, new TrustManager[] {new AcceptingTrustManager()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(name)));
            parameters.setApplicationProtocols(protocols);
            parameters.setProtocols(new String[] {version});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            assertThat(socket.getApplicationProtocol()).isEqualTo("acme-tls/1");
            Certificate[] chain = socket.getSession().getPeerCertificates();
            assertThat(chain).hasSize(1);
            return (X509Certificate) chain[0];
        }
    }

    /** Trusts every server, for the handshakes above only. */
    private static final class AcceptingTrustManager implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client never checks clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            assertThat(chain).isNotEmpty();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
