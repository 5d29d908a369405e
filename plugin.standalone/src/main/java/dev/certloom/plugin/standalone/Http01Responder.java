package dev.certloom.plugin.standalone;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Http01Challenge;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server that answers HTTP-01 validation requests (RFC 8555 section 8.3)
 * for the challenges published to it, and 404 for anything else. Its threads are named
 * {@code certloom-http01-<port>-...}. Thread-safe.
 */
final class Http01Responder implements ChallengeResponder {

    /** How long a connection may stay silent before it is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Http01Challenge> published = new ConcurrentHashMap<>();
    private final ConnectionServer server;

    private Http01Responder(ServerSocket socket, List<String> names, Duration idleTimeout) {
        String joined = String.join(", ", names);
        this.server = ConnectionServer.start(socket, "certloom-http01",
                "HTTP-01 challenges for " + joined, idleTimeout,
                (connection, onClose) -> new HttpConnection(connection, joined, this::lookUp,
                        onClose));
    }

    /**
     * Starts answering on a bound socket, which it then owns and closes.
     *
     * @param server      the bound server socket
     * @param names       the names of the run, for the log
     * @param idleTimeout how long a silent connection stays open
     * @return the running responder
     */
    static Http01Responder start(ServerSocket server, List<String> names,
            Duration idleTimeout) {
        return new Http01Responder(server, names, idleTimeout);
    }

    @Override
    public ChallengeType type() {
        return ChallengeType.HTTP_01;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void publish(Challenge challenge) throws PluginException {
        if (!(challenge instanceof Http01Challenge http)) {
            throw new PluginException("The standalone plugin cannot answer the "
                    + challenge.type() + " challenge of " + challenge.identifier()
                    + " on its HTTP port; it answers http-01 there.");
        }
        published.put(http.token(), http);
    }

    @Override
    public void withdraw(Challenge challenge) {
        if (challenge instanceof Http01Challenge http) {
            published.remove(http.token(), http);
        }
    }

    @Override
    public void close() {
        server.close();
        published.clear();
    }

    private Optional<Http01Challenge> lookUp(String token) {
        return Optional.ofNullable(published.get(token));
    }
}
