package dev.certloom.plugin.standalone;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS server that answers TLS-ALPN-01 validation (RFC 8737) with the JDK's TLS stack:
 * TLS 1.2 or 1.3 only, the ALPN protocol {@code acme-tls/1} only (a client offering other
 * protocols gets the {@code no_application_protocol} alert of RFC 7301 section 3.2), and
 * per SNI name the validation certificate published for it. After the handshake it
 * waits for the CA to close the connection, since RFC 8737 section 4 has the client end
 * it without sending data. Threads are named {@code certloom-tlsalpn01-<port>-...}.
 * Thread-safe.
 */
final class TlsAlpn01Responder implements ChallengeResponder {

    private static final Logger LOG = LoggerFactory.getLogger(TlsAlpn01Responder.class);

    // RFC 8737 section 4: acme-tls/1 is negotiated over TLS 1.2 or later only.
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final ValidationKeyManager keys = new ValidationKeyManager();
    private final SSLSocketFactory factory;
    private final String names;
    private final ConnectionServer server;

    private TlsAlpn01Responder(ServerSocket socket, List<String> names, Duration idleTimeout)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {keys}, null, null);
        this.factory = context.getSocketFactory();
        this.names = String.join(", ", names);
        this.server = ConnectionServer.start(socket, "certloom-tlsalpn01",
                "TLS-ALPN-01 challenges for " + this.names, idleTimeout, this::connection);
    }

    /**
     * Starts answering on a bound socket, which it then owns and closes.
     *
     * @param server      the bound server socket
     * @param names       the names of the run, for the log
     * @param idleTimeout how long a silent connection stays open
     * @return the running responder
     * @throws PluginException when the JDK offers no TLS implementation; the socket is
     *                         closed then
     */
    static TlsAlpn01Responder start(ServerSocket server, List<String> names,
            Duration idleTimeout) throws PluginException {
        try {
            return new TlsAlpn01Responder(server, names, idleTimeout);
        } catch (GeneralSecurityException e) {
            try {
                server.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new PluginException("The standalone plugin cannot answer TLS-ALPN-01 for "
                    + String.join(", ", names) + " because this Java runtime offers no TLS"
                    + " server (" + e.getMessage() + "); use HTTP-01 instead.", null, e);
        }
    }

    @Override
    public ChallengeType type() {
        return ChallengeType.TLS_ALPN_01;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void publish(Challenge challenge) throws PluginException {
        if (!(challenge instanceof TlsAlpn01Challenge alpn)) {
            throw new PluginException("The standalone plugin cannot answer the "
                    + challenge.type() + " challenge of " + challenge.identifier()
                    + " on its TLS port; it answers tls-alpn-01 there.");
        }
        keys.publish(alpn);
    }

    @Override
    public void withdraw(Challenge challenge) {
        if (challenge instanceof TlsAlpn01Challenge alpn) {
            keys.withdraw(alpn);
        }
    }

    @Override
    public void close() {
        server.close();
        keys.clear();
    }

    private Runnable connection(Socket socket, Runnable onClose) {
        return () -> {
            try (SSLSocket tls = (SSLSocket) factory.createSocket(socket, null, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setProtocols(PROTOCOLS);
                parameters.setApplicationProtocols(
                        new String[] {TlsAlpn01Challenge.ALPN_PROTOCOL});
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                LOG.debug("Presented a TLS-ALPN-01 certificate to {} for {}",
                        socket.getRemoteSocketAddress(), names);
                drain(tls.getInputStream());
            } catch (IOException e) {
                // A client without acme-tls/1 or asking for another name lands here.
                LOG.debug("Ended a TLS connection from {} for {}: {}",
                        socket.getRemoteSocketAddress(), names, e.toString());
            } finally {
                closeQuietly(socket);
                onClose.run();
            }
        };
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        while (in.read(buffer) >= 0) {
            // RFC 8737 section 4: the CA sends nothing after the handshake; wait for it to
            // close the connection, or for the idle timeout.
            continue;
        }
    }

    private void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Could not close a TLS connection for {}: {}", names, e.getMessage());
        }
    }
}
