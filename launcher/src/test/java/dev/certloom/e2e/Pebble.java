package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private Pebble ACME server on loopback: its ACME and management listeners on free
 * ports, HTTPS with a {@link TestCertificates} CA, names resolved through a
 * {@link ChallTestSrv}, validations made at full speed against ports the test chose, and
 * 20% of good nonces rejected so that every client run exercises badNonce retries
 * (RFC 8555 section 6.5).
 */
final class Pebble implements AutoCloseable {

    /** Share of good nonces Pebble rejects; the suite must pass with it. */
    static final int NONCE_REJECT_PERCENT = 20;

    /** How many roots Pebble offers besides its default one. */
    static final int ALTERNATE_ROOTS = 1;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final Pattern ACCOUNTS = Pattern.compile("There are now (\\d+) accounts");
    private static final Pattern ORDERS = Pattern.compile("Added order \"");

    private final ManagedProcess process;
    private final TestCertificates tls;
    private final int acmePort;
    private final int managementPort;
    private final HttpFetcher https;

    private Pebble(ManagedProcess process, TestCertificates tls, int acmePort,
            int managementPort) {
        this.process = process;
        this.tls = tls;
        this.acmePort = acmePort;
        this.managementPort = managementPort;
        this.https = HttpFetcher.trusting(tls.caFile());
    }

    /**
     * Starts Pebble and returns once its directory answers over TLS. When Pebble exits at
     * start, as when another process took one of its ports in the meantime, it is started
     * again on other ports.
     *
     * @param directory an existing folder for its configuration, certificates and log
     * @param dns       the DNS server Pebble resolves every name with
     * @param httpPort  the port Pebble connects to for HTTP-01 validation
     * @param tlsPort   the port Pebble connects to for TLS-ALPN-01 validation
     * @throws IllegalStateException when Pebble does not come up; the message has its log
     */
    static Pebble start(Path directory, ChallTestSrv dns, int httpPort, int tlsPort) {
        TestCertificates tls = TestCertificates.create(directory);
        return ManagedProcess.startAgainWhenItExits(START_ATTEMPTS,
                () -> attempt(directory, tls, dns, httpPort, tlsPort));
    }

    private static Pebble attempt(Path directory, TestCertificates tls, ChallTestSrv dns,
            int httpPort, int tlsPort) {
        int acme = LoopbackPorts.freeTcpPort();
        int management = LoopbackPorts.freeTcpPort();
        Path config = directory.resolve("pebble-config.json");
        writeConfig(config, tls, acme, management, httpPort, tlsPort);
        Map<String, String> environment = Map.of(
                "PEBBLE_WFE_NONCEREJECT", Integer.toString(NONCE_REJECT_PERCENT),
                "PEBBLE_VA_NOSLEEP", "1",
                "PEBBLE_VA_ALWAYS_VALID", "0",
                // One alternate chain as Let's Encrypt has offered: clients must pick
                // the default unless told otherwise (--preferred-chain).
                "PEBBLE_ALTERNATE_ROOTS", Integer.toString(ALTERNATE_ROOTS));
        ManagedProcess process = ManagedProcess.start("pebble", List.of("pebble",
                "-config", config.toString(), "-dnsserver", dns.dnsAddress()),
                environment, directory);
        Pebble pebble = new Pebble(process, tls, acme, management);
        try {
            process.awaitReady(START_TIMEOUT, () -> pebble.https.getOk(
                    pebble.directoryUrl()).contains("newOrder")
                    && pebble.https.get(pebble.managementUri("/roots/0")).statusCode() == 200);
            return pebble;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Returns the ACME directory URL, for {@code --server}. */
    URI directoryUrl() {
        return URI.create("https://127.0.0.1:" + acmePort + "/dir");
    }

    /** Returns the PEM file of the CA that signed Pebble's TLS certificate. */
    Path caBundle() {
        return tls.caFile();
    }

    /**
     * Returns the certificates Pebble issues under, fetched from its management API: the
     * root it generated at start and the intermediate that signs end-entity certificates.
     *
     * @throws UncheckedIOException when the management API does not answer
     */
    IssuerCertificates rootCertificates() {
        try {
            X509Certificate root = single(https.getOk(managementUri("/roots/0")));
            X509Certificate intermediate = single(https.getOk(managementUri("/intermediates/0")));
            return new IssuerCertificates(root, intermediate);
        } catch (IOException e) {
            throw new UncheckedIOException("Pebble's management API did not answer", e);
        }
    }

    /** Returns how many accounts Pebble holds, from its log: one line per registration. */
    int accountCount() {
        Matcher matcher = ACCOUNTS.matcher(process.logText());
        int count = 0;
        while (matcher.find()) {
            count = Integer.parseInt(matcher.group(1));
        }
        return count;
    }

    /** Returns how many orders Pebble has accepted so far, from its log. */
    int orderCount() {
        return (int) ORDERS.matcher(process.logText()).results().count();
    }

    /** Returns everything Pebble logged so far. */
    String logText() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }

    private URI managementUri(String path) {
        return URI.create("https://127.0.0.1:" + managementPort + path);
    }

    private static X509Certificate single(String pem) {
        return PemFiles.parseCertificates(pem).get(0);
    }

    /** Writes the configuration keys of Pebble 2.4 (see its README, "Usage"). */
    private static void writeConfig(Path file, TestCertificates tls, int acmePort,
            int managementPort, int httpPort, int tlsPort) {
        String json = "{\n  \"pebble\": {\n"
                + "    \"listenAddress\": " + Json.quote("127.0.0.1:" + acmePort) + ",\n"
                + "    \"managementListenAddress\": "
                + Json.quote("127.0.0.1:" + managementPort) + ",\n"
                + "    \"certificate\": " + Json.quote(tls.certificateFile().toString()) + ",\n"
                + "    \"privateKey\": " + Json.quote(tls.keyFile().toString()) + ",\n"
                + "    \"httpPort\": " + httpPort + ",\n"
                + "    \"tlsPort\": " + tlsPort + ",\n"
                + "    \"ocspResponderURL\": \"\",\n"
                + "    \"externalAccountBindingRequired\": false\n"
                + "  }\n}\n";
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Returns one of Pebble's roots: 0 is the default chain's, 1 up to {@link
     * #ALTERNATE_ROOTS} those of the alternate chains.
     *
     * @throws UncheckedIOException when the management API does not answer
     */
    X509Certificate root(int index) {
        try {
            return single(https.getOk(managementUri("/roots/" + index)));
        } catch (IOException e) {
            throw new UncheckedIOException("Pebble's management API did not answer", e);
        }
    }

    /**
     * Pebble's issuing hierarchy.
     *
     * @param root         the self-signed root, the trust anchor for issued chains
     * @param intermediate the CA that signs end-entity certificates
     */
    record IssuerCertificates(X509Certificate root, X509Certificate intermediate) {
    }
}
