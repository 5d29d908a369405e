package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private {@code pebble-challtestsrv}: the DNS server Pebble asks, answering 127.0.0.1
 * to every A query and nothing to AAAA, with TXT records the test sets through the
 * management API. Its own HTTP-01, HTTPS and TLS-ALPN-01 responders are off: the
 * software under test answers those challenges.
 */
final class ChallTestSrv implements AutoCloseable {

    private static final String PROGRAM = "pebble-challtestsrv";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 3;

    private final ManagedProcess process;
    private final int dnsPort;
    private final int managementPort;
    private final HttpFetcher http = HttpFetcher.plain();

    private ChallTestSrv(ManagedProcess process, int dnsPort, int managementPort) {
        this.process = process;
        this.dnsPort = dnsPort;
        this.managementPort = managementPort;
    }

    /**
     * Starts the server on free loopback ports and returns once DNS answers; starts it
     * again on other ports when it exits at start, as when one of them was taken.
     *
     * @param directory an existing folder for its log
     * @throws IllegalStateException when it does not come up; the message has its log
     */
    static ChallTestSrv start(Path directory) {
        return ManagedProcess.startAgainWhenItExits(START_ATTEMPTS, () -> attempt(directory));
    }

    private static ChallTestSrv attempt(Path directory) {
        int dns = LoopbackPorts.freeTcpAndUdpPort();
        int management = LoopbackPorts.freeTcpPort();
        List<String> command = new ArrayList<>(List.of(PROGRAM,
                "-dns01", "127.0.0.1:" + dns,
                "-management", "127.0.0.1:" + management,
                "-defaultIPv4", "127.0.0.1",
                "-defaultIPv6", "",
                "-http01", "", "-https01", "", "-tlsalpn01", ""));
        if (helpText().contains("-doh")) {
            // Newer releases also serve DNS over HTTPS, on all addresses unless told not to.
            command.addAll(List.of("-doh", ""));
        }
        ManagedProcess process = ManagedProcess.start("challtestsrv", command, Map.of(),
                directory);
        ChallTestSrv server = new ChallTestSrv(process, dns, management);
        try {
            process.awaitReady(START_TIMEOUT, () -> server.answersDns()
                    && server.http.get(server.managementUri("/")).statusCode() > 0);
            return server;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Returns the DNS address for Pebble's {@code -dnsserver}, such as 127.0.0.1:5353. */
    String dnsAddress() {
        return "127.0.0.1:" + dnsPort;
    }

    /** Returns the DNS port, UDP and TCP. */
    int dnsPort() {
        return dnsPort;
    }

    /**
     * Publishes a TXT record, next to any earlier value for the same name.
     *
     * @param name  the fully qualified name, such as {@code _acme-challenge.a.example.test}
     * @param value the record's text
     * @throws IllegalStateException when the management API refuses
     */
    void addTxt(String name, String value) {
        manage("/set-txt", "{\"host\":" + Json.quote(absolute(name))
                + ",\"value\":" + Json.quote(value) + "}");
    }

    /**
     * Removes every TXT record of {@code name}.
     *
     * @throws IllegalStateException when the management API refuses
     */
    void clearTxt(String name) {
        manage("/clear-txt", "{\"host\":" + Json.quote(absolute(name)) + "}");
    }

    /**
     * Returns the base URL of the management API, such as {@code http://127.0.0.1:8055},
     * for hook scripts that publish records the way a DNS provider's API would.
     */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Returns everything the server logged so far. */
    String logText() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }

    /** Returns what the installed program says about its flags. */
    private static String helpText() {
        try {
            Process help = new ProcessBuilder(PROGRAM, "-h").redirectErrorStream(true).start();
            help.getOutputStream().close();
            String text = new String(help.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            help.waitFor();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + PROGRAM
                    + "; scripts/test-deps.sh installs it (Debian package pebble)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + PROGRAM, e);
        }
    }

    private boolean answersDns() throws IOException {
        return !new DnsLookup(dnsPort).addresses("ready.example.test").isEmpty();
    }

    private void manage(String path, String json) {
        try {
            HttpResponse<String> response = http.postJson(managementUri(path), json);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("challtestsrv refused " + path + " with "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("challtestsrv did not answer " + path, e);
        }
    }

    private URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** DNS names in the management API end with the root's dot. */
    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
