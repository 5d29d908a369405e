package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one end-to-end test class shares: a challtestsrv, a Pebble resolving through it,
 * and optionally an nginx serving a webroot on the port Pebble validates HTTP-01 on.
 * Closing it stops everything it started, in reverse order.
 */
final class AcmeTestbed implements AutoCloseable {

    /** The contact address the tests register with. */
    static final String EMAIL = "test@example.org";

    private final ChallTestSrv dns;
    private final Pebble pebble;
    private final Nginx nginx;
    private final int httpPort;
    private final int tlsPort;
    private final Path directory;

    private AcmeTestbed(ChallTestSrv dns, Pebble pebble, Nginx nginx, int httpPort,
            int tlsPort, Path directory) {
        this.dns = dns;
        this.pebble = pebble;
        this.nginx = nginx;
        this.httpPort = httpPort;
        this.tlsPort = tlsPort;
        this.directory = directory;
    }

    /** Starts DNS, Pebble and an nginx on Pebble's HTTP-01 port, serving a webroot. */
    static AcmeTestbed withWebServer(Path directory) {
        return start(directory, true);
    }

    /** Starts DNS and Pebble; HTTP-01 validation reaches whatever the test runs. */
    static AcmeTestbed withoutWebServer(Path directory) {
        return start(directory, false);
    }

    private static AcmeTestbed start(Path directory, boolean webServer) {
        ChallTestSrv dns = ChallTestSrv.start(folder(directory, "challtestsrv"));
        Pebble pebble = null;
        try {
            int httpPort = LoopbackPorts.freeTcpPort();
            int tlsPort = LoopbackPorts.freeTcpPort();
            pebble = Pebble.start(folder(directory, "pebble"), dns, httpPort, tlsPort);
            Nginx nginx = webServer ? Nginx.start(folder(directory, "nginx"),
                    directory.resolve("webroot"), httpPort) : null;
            return new AcmeTestbed(dns, pebble, nginx, httpPort, tlsPort, directory);
        } catch (RuntimeException e) {
            new AcmeTestbed(dns, pebble, null, 0, 0, directory).close();
            throw e;
        }
    }

    /** Returns the DNS server Pebble uses. */
    ChallTestSrv dns() {
        return dns;
    }

    /** Returns the ACME server. */
    Pebble pebble() {
        return pebble;
    }

    /**
     * Returns the web server.
     *
     * @throws IllegalStateException when the testbed was started without one
     */
    Nginx nginx() {
        if (nginx == null) {
            throw new IllegalStateException("This testbed runs no web server");
        }
        return nginx;
    }

    /** Returns the port on 127.0.0.1 that Pebble connects to for HTTP-01. */
    int httpPort() {
        return httpPort;
    }

    /** Returns the port on 127.0.0.1 that Pebble connects to for TLS-ALPN-01. */
    int tlsPort() {
        return tlsPort;
    }

    /** Returns a certloom runner that trusts Pebble, with output under the testbed. */
    Certloom certloom() {
        return Certloom.trusting(folder(directory, "runs"), pebble.caBundle());
    }

    /**
     * Returns a non-interactive {@code certonly} command line against Pebble, as the
     * issue spells it: {@code certonly -n --agree-tos -m EMAIL --server URL DIRS -d NAME...}
     * followed by the authenticator's flags.
     */
    List<String> certonly(CertbotDirs dirs, List<String> names, List<String> authenticator) {
        List<String> line = new ArrayList<>(List.of("certonly", "-n", "--agree-tos",
                "-m", EMAIL, "--server", pebble.directoryUrl().toString()));
        line.addAll(dirs.flags());
        names.forEach(name -> line.addAll(List.of("-d", name)));
        line.addAll(authenticator);
        return line;
    }

    /** Returns the flags that select the webroot plugin with nginx's document root. */
    List<String> webroot() {
        return List.of("--webroot", "-w", nginx().webroot().toString());
    }

    /** Returns the flags that select the standalone plugin on Pebble's HTTP-01 port. */
    List<String> standalone() {
        return List.of("--standalone", "--http-01-address", "127.0.0.1",
                "--http-01-port", Integer.toString(httpPort));
    }

    /**
     * Returns the flags that select the standalone plugin answering TLS-ALPN-01 alone, on
     * Pebble's TLS-ALPN-01 port.
     */
    List<String> standaloneTlsAlpn() {
        return List.of("--standalone", "--preferred-challenges", "tls-alpn-01",
                "--tls-alpn-01-address", "127.0.0.1",
                "--tls-alpn-01-port", Integer.toString(tlsPort));
    }

    /** Stops nginx, Pebble and DNS, each even when stopping another one failed. */
    @Override
    public void close() {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            try {
                if (pebble != null) {
                    pebble.close();
                }
            } finally {
                dns.close();
            }
        }
    }

    private static Path folder(Path parent, String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + parent.resolve(name), e);
        }
    }
}
