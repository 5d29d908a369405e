package dev.certloom.plugin.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.TestPluginContext;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

    @Test
    void defaultsToPort80OnAllAddresses() throws Exception {
        ListenAddress where = ListenAddress.of(ChallengeType.HTTP_01, OptionValues.NONE);

        assertThat(where.port()).isEqualTo(80);
        assertThat(where.address()).isNull();
        assertThat(where.describe()).isEqualTo("all addresses");
    }

    @Test
    void takesTheLastPortAndAddressGiven() throws Exception {
        OptionValues options = TestPluginContext.values(Map.of(
                "http-01-port", List.of("8080", " 8888 "),
                "http-01-address", List.of("127.0.0.1")));

        ListenAddress where = ListenAddress.of(ChallengeType.HTTP_01, options);

        assertThat(where.port()).isEqualTo(8888);
        assertThat(where.describe()).isEqualTo("127.0.0.1");
    }

    @Test
    void tlsAlpn01DefaultsToPort443AndReadsItsOwnOptions() throws Exception {
        OptionValues options = TestPluginContext.values(Map.of(
                "http-01-port", List.of("8080"),
                "tls-alpn-01-address", List.of("127.0.0.1")));

        ListenAddress where = ListenAddress.of(ChallengeType.TLS_ALPN_01, options);

        assertThat(where.port()).isEqualTo(443);
        assertThat(where.describe()).isEqualTo("127.0.0.1");
    }

    @Test
    void aBadTlsAlpn01PortNamesItsOwnFlag() {
        OptionValues options = TestPluginContext.values(Map.of("tls-alpn-01-port", List.of("x")));

        assertThatThrownBy(() -> ListenAddress.of(ChallengeType.TLS_ALPN_01, options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The --tls-alpn-01-port value 'x' is not a TCP port; give a number"
                        + " from 1 to 65535.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "-1", "65536", "", "80.5"})
    void refusesAPortThatIsNoTcpPort(String port) {
        OptionValues options = TestPluginContext.values(Map.of("http-01-port", List.of(port)));

        assertThatThrownBy(() -> ListenAddress.of(ChallengeType.HTTP_01, options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The --http-01-port value '" + port.strip()
                        + "' is not a TCP port; give a number from 1 to 65535.");
    }

    @Test
    void refusesAnAddressThatDoesNotResolve() {
        OptionValues options = TestPluginContext.values(
                Map.of("http-01-address", List.of("no such host.invalid")));

        assertThatThrownBy(() -> ListenAddress.of(ChallengeType.HTTP_01, options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--http-01-address value 'no such host.invalid'");
    }

    @Test
    void aTakenPortFailsWithThePortTheAddressAndTheFix() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
            ListenAddress where =
                    new ListenAddress(loopback, taken.getLocalPort(), ChallengeType.HTTP_01);

            assertThatThrownBy(where::bind)
                    .isInstanceOf(PluginException.class)
                    .hasMessage("Could not bind TCP port " + taken.getLocalPort()
                            + " on 127.0.0.1 because it is already in use by another process;"
                            + " stop that process or choose another port with --http-01-port.");
        }
    }

    @ParameterizedTest(name = "{0} on port {1}")
    @CsvSource(delimiter = '|', value = {
        "Address already in use | 80 | because it is already in use by another process",
        "Permission denied | 80 | may listen on ports below 1024",
        "Cannot assign requested address | 80 | no network interface of this machine",
        "Permission denied | 8080 | (Permission denied); choose another port",
        "Something odd | 80 | (Something odd); choose another port"})
    void explainsEachKindOfBindFailure(String reason, int port, String explanation) {
        ListenAddress where = new ListenAddress(null, port, ChallengeType.HTTP_01);

        PluginException failure = where.failure(new BindException(reason));

        assertThat(failure.getMessage())
                .startsWith("Could not bind TCP port " + port + " on all addresses")
                .contains(explanation);
    }

    @Test
    void bindsOnlyTheAddressAsked() throws IOException, PluginException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        try (ServerSocket socket = new ListenAddress(loopback, 0, ChallengeType.HTTP_01).bind()) {
            assertThat(socket.getInetAddress()).isEqualTo(loopback);
            assertThat(socket.getLocalPort()).isPositive();
        }
    }
}
