package dev.certloom.core.impl.engine;

import dev.certloom.api.ConfigurationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.Connection;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * Opens acme4j sessions. The provider is handed in explicitly: acme4j would otherwise
 * look providers up through the thread's context class loader, which inside OSGi (a Gogo
 * command, an appliance's thread) is not this bundle's. Every directory URL is treated
 * generically, so a CA behaves the same whichever name it has.
 */
final class CaSessions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SSLContext tls;

    private CaSessions(SSLContext tls) {
        this.tls = tls;
    }

    /**
     * @param environment the process environment, for the CA bundle variables
     * @throws ConfigurationException when a CA bundle cannot be read
     */
    static CaSessions create(Map<String, String> environment) throws ConfigurationException {
        return new CaSessions(TrustBundle.context(environment));
    }

    /**
     * Opens a session with a CA.
     *
     * @param directory the ACME directory URL
     * @throws ConfigurationException when the URL is not an http(s) URL
     */
    Session open(URI directory) throws ConfigurationException {
        String scheme = directory.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new ConfigurationException("The ACME server " + directory
                    + " is not an https URL; give the directory URL with --server.");
        }
        Session session = new Session(directory, new Provider(tls));
        session.networkSettings().setTimeout(TIMEOUT);
        return session;
    }

    /**
     * Starts, in a background thread, what the first signed request needs: the TLS
     * connection, the directory and a fresh nonce. The caller prepares the plugin and the
     * account meanwhile and joins before ordering. A failure here is ignored: the real
     * request meets the same problem and reports it properly.
     *
     * @param session the session to warm up
     * @return completes when the work is done, whatever its outcome
     */
    static CompletableFuture<Void> warmUp(Session session) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Connection connection = session.connect()) {
                session.getMetadata();
                connection.resetNonce(session);
            } catch (AcmeException | RuntimeException e) {
                // Reported by the request that needs the directory or the nonce.
            } finally {
                done.complete(null);
            }
        }, "certloom-ca-warm-up");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** The generic provider with Certloom's trust. */
    private static final class Provider extends GenericAcmeProvider {

        private final SSLContext tls;

        Provider(SSLContext tls) {
            this.tls = tls;
        }

        @Override
        public HttpClient createHttpClient(NetworkSettings settings) {
            return HttpClient.newBuilder()
                    .sslContext(tls)
                    .connectTimeout(settings.getTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .proxy(settings.getProxySelector())
                    .build();
        }
    }
}
