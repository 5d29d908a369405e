package dev.certloom.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client that waits on a thread of its own for a port of 127.0.0.1 to start
 * listening, then makes one handshake offering chosen ALPN protocols and records how it
 * ended: {@code accepted <protocol>} or the exception's message. Used to catch a server
 * that runs only while a command does. Closing it stops the waiting.
 */
final class AlpnProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(2);
    private static final int TIMEOUT_MILLIS = 5_000;

    private final int port;
    private final String name;
    private final List<String> protocols;
    private final AtomicReference<String> outcome = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;

    private AlpnProbe(int port, String name, List<String> protocols) {
        this.port = port;
        this.name = name;
        this.protocols = List.copyOf(protocols);
        this.thread = new Thread(this::probe, "alpn-probe-" + port);
        this.thread.setDaemon(true);
    }

    /**
     * Starts waiting for the port.
     *
     * @param port      the port on 127.0.0.1
     * @param name      the SNI name to ask for
     * @param protocols the ALPN protocols to offer
     */
    static AlpnProbe start(int port, String name, List<String> protocols) {
        AlpnProbe probe = new AlpnProbe(port, name, protocols);
        probe.thread.start();
        return probe;
    }

    /** Returns how the handshake ended, or empty if the port never listened. */
    Optional<String> outcome() throws InterruptedException {
        stopped = true;
        thread.join(TIMEOUT_MILLIS);
        return Optional.ofNullable(outcome.get());
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(TIMEOUT_MILLIS);
    }

    private void probe() {
        while (!stopped) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, port),
                        TIMEOUT_MILLIS);
                outcome.set(handshake(socket));
                return;
            } catch (ConnectException e) {
                pause();
            } catch (IOException e) {
                outcome.set("connect failed: " + e.getMessage());
                return;
            }
        }
    }

    private String handshake(Socket plain) {
        try (SSLSocket tls = (SSLSocket) context().getSocketFactory()
                .createSocket(plain, name, port, true)) {
            tls.setSoTimeout(TIMEOUT_MILLIS);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(name)));
            parameters.setApplicationProtocols(protocols.toArray(String[]::new));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return "accepted " + tls.getApplicationProtocol();
        } catch (IOException | GeneralSecurityException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static SSLContext context() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        // The point is what the server negotiates, not whom it proves to be.
        context.init(null, new TrustManager[] {new TrustingManager()}, null);
        return context;
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Trusts every server certificate, for the probe's handshake only. */
    private static final class TrustingManager implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("the probe is a client");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            if (chain.length == 0) {
                throw new IllegalArgumentException("the server sent no certificate");
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
