package dev.certloom.plugin.standalone;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Http01Challenge;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server that answers HTTP-01 validation requests (RFC 8555 section 8.3)
 * for the challenges published to it, and 404 for anything else.
 *
 * <p>One daemon thread accepts connections; each connection gets a daemon thread of a
 * bounded pool, so that the several validation requests a CA sends at once are served
 * together, and a client that sends nothing is dropped after the idle timeout. Threads
 * are named {@code certloom-http01-<port>-...}. {@link #close()} stops them all and
 * frees the port. Thread-safe.
 */
final class Http01Responder implements ChallengeResponder {

    /** How long a connection may stay silent before it is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Http01Responder.class);

    private static final int MAX_CONNECTIONS = 64;
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final ServerSocket server;
    private final String names;
    private final int idleMillis;
    private final Map<String, Http01Challenge> published = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private Http01Responder(ServerSocket server, List<String> names, Duration idleTimeout) {
        this.server = server;
        this.names = String.join(", ", names);
        this.idleMillis = Math.toIntExact(idleTimeout.toMillis());
        String prefix = "certloom-http01-" + server.getLocalPort();
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> daemon(task, prefix + "-connection-" + count.incrementAndGet()));
        this.acceptor = daemon(this::acceptConnections, prefix + "-accept");
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
        Http01Responder responder = new Http01Responder(server, names, idleTimeout);
        responder.acceptor.start();
        return responder;
    }

    @Override
    public ChallengeType type() {
        return ChallengeType.HTTP_01;
    }

    @Override
    public int port() {
        return server.getLocalPort();
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
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        try {
            // The acceptor first, so that no connection arrives after the others are closed.
            acceptor.join(STOP_WAIT_MILLIS);
            connections.forEach(this::closeQuietly);
            workers.shutdownNow();
            workers.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        published.clear();
        LOG.debug("Stopped answering HTTP-01 challenges for {} on port {}", names, port());
    }

    private void acceptConnections() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("Stopped answering HTTP-01 challenges for {} because port {}"
                            + " failed: {}", names, port(), e.getMessage());
                }
                return;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        connections.add(socket);
        try {
            socket.setSoTimeout(idleMillis);
            workers.execute(new HttpConnection(socket, names, this::lookUp,
                    () -> connections.remove(socket)));
        } catch (SocketException | RejectedExecutionException e) {
            // Too many connections at once, or closing: this one is dropped, not queued.
            LOG.debug("Dropped a connection from {} for {}: {}",
                    socket.getRemoteSocketAddress(), names, e.toString());
            connections.remove(socket);
            closeQuietly(socket);
        }
    }

    private Optional<Http01Challenge> lookUp(String token) {
        return Optional.ofNullable(published.get(token));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Could not close {} for {}: {}", closeable, names, e.getMessage());
        }
    }
}
