package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves the harness itself, without Certloom: Pebble serves its directory over TLS that
 * only the generated CA vouches for, challtestsrv answers DNS, nginx serves a file, all of
 * them on loopback only, and closing stops them.
 */
class HarnessSelfTestIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void pebbleServesItsDirectoryOverTlsTrustedThroughTheGeneratedCa() throws IOException {
        HttpFetcher client = HttpFetcher.trusting(testbed().pebble().caBundle());

        String directory = client.getOk(testbed().pebble().directoryUrl());

        assertThat(directory).contains("\"newAccount\"", "\"newNonce\"", "\"newOrder\"");
    }

    @Test
    void pebbleIsNotTrustedWithoutTheGeneratedCa() {
        Path otherCa = TestCertificates.create(directoryFor("other-ca")).caFile();
        HttpFetcher stranger = HttpFetcher.trusting(otherCa);

        assertThatThrownBy(() -> stranger.get(testbed().pebble().directoryUrl()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void pebblesIntermediateIsSignedByItsRoot() throws Exception {
        Pebble.IssuerCertificates issuers = testbed().pebble().rootCertificates();

        X509Certificate intermediate = issuers.intermediate();
        intermediate.verify(issuers.root().getPublicKey());

        assertThat(intermediate.getIssuerX500Principal())
                .isEqualTo(issuers.root().getSubjectX500Principal());
    }

    @Test
    void challTestSrvAnswersLoopbackForAnyName() throws IOException {
        DnsLookup dns = new DnsLookup(testbed().dns().dnsPort());

        assertThat(dns.addresses("anything.example.test")).containsExactly("127.0.0.1");
        assertThat(dns.addresses("www.other.example.test")).containsExactly("127.0.0.1");
    }

    @Test
    void challTestSrvPublishesAndClearsTxtRecords() throws IOException {
        DnsLookup dns = new DnsLookup(testbed().dns().dnsPort());
        String name = "_acme-challenge.txt.example.test";

        testbed().dns().addTxt(name, "first-value");
        assertThat(dns.texts(name)).containsExactly("first-value");

        testbed().dns().clearTxt(name);
        assertThat(dns.texts(name)).isEmpty();
    }

    @Test
    void nginxServesAFileFromItsWebroot() throws IOException {
        Path challenge = testbed().nginx().webroot().resolve(".well-known/acme-challenge/t0k3n");
        Files.createDirectories(challenge.getParent());
        Files.writeString(challenge, "t0k3n.thumbprint");

        String body = HttpFetcher.plain()
                .getOk(testbed().nginx().uri("/.well-known/acme-challenge/t0k3n"));

        assertThat(body).isEqualTo("t0k3n.thumbprint");
        // nginx logs a request after answering it, so the line may come a moment later.
        Polling.await("nginx to log the request", Duration.ofSeconds(5), () -> testbed().nginx()
                .accessLog().contains("GET /.well-known/acme-challenge/t0k3n"));
    }

    @Test
    void everyHelperListensOnLoopbackOnly() {
        int[] ports = {testbed().pebble().directoryUrl().getPort(), testbed().dns().dnsPort(),
            testbed().nginx().port()};

        for (int port : ports) {
            assertThat(ListeningSockets.addressesOn(port)).as("listeners on port %d", port)
                    .containsOnly(ListeningSockets.LOOPBACK_HEX);
        }
    }

    @Test
    void closingATestbedStopsEveryProcessItStarted() {
        AcmeTestbed second = AcmeTestbed.withWebServer(directoryFor("second"));
        int acmePort = second.pebble().directoryUrl().getPort();
        int webPort = second.nginx().port();

        second.close();

        assertThatThrownBy(() -> new Socket(LoopbackPorts.LOOPBACK, acmePort).close())
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new Socket(LoopbackPorts.LOOPBACK, webPort).close())
                .isInstanceOf(IOException.class);
    }

    private static Path directoryFor(String name) {
        try {
            return Files.createDirectories(shared.folder().resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + name, e);
        }
    }
}
