package dev.certloom.plugin.standalone;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
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
 * Accepts connections on a bound server socket and serves each on a daemon thread of a
 * bounded pool, so that the several validation requests a CA sends at once are served
 * together, and a client that sends nothing is dropped after the idle timeout. Threads
 * are named {@code <prefix>-<port>-accept} and {@code <prefix>-<port>-connection-N}.
 * {@link #close()} stops them all and frees the port. Thread-safe.
 */
final class ConnectionServer implements AutoCloseable {

    /** Serves one accepted connection, which it closes, and calls a callback at the end. */
    @FunctionalInterface
    interface Handler {

        /**
         * Returns the task that serves a connection.
         *
         * @param socket  the connection, with its idle timeout set
         * @param onClose to be called once the connection is closed
         */
        Runnable serve(Socket socket, Runnable onClose);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionServer.class);

    private static final int MAX_CONNECTIONS = 64;
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final ServerSocket server;
    private final String what;
    private final int idleMillis;
    private final Handler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private ConnectionServer(ServerSocket server, String threadPrefix, String what,
            Duration idleTimeout, Handler handler) {
        this.server = server;
        this.what = what;
        this.idleMillis = Math.toIntExact(idleTimeout.toMillis());
        this.handler = handler;
        String prefix = threadPrefix + "-" + server.getLocalPort();
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> daemon(task, prefix + "-connection-" + count.incrementAndGet()));
        this.acceptor = daemon(this::acceptConnections, prefix + "-accept");
    }

    /**
     * Starts accepting on a bound socket, which it then owns and closes.
     *
     * @param server       the bound server socket
     * @param threadPrefix the start of the threads' names, such as {@code certloom-http01}
     * @param what         what is answered and for which names, for the log
     * @param idleTimeout  how long a silent connection stays open
     * @param handler      serves each connection
     * @return the running server
     */
    static ConnectionServer start(ServerSocket server, String threadPrefix, String what,
            Duration idleTimeout, Handler handler) {
        ConnectionServer started =
                new ConnectionServer(server, threadPrefix, what, idleTimeout, handler);
        started.acceptor.start();
        return started;
    }

    /** Returns the TCP port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** Stops listening, closes every connection and ends the threads. Never throws. */
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
        LOG.debug("Stopped answering {} on port {}", what, port());
    }

    private void acceptConnections() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("Stopped answering {} because port {} failed: {}", what, port(),
                            e.getMessage());
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
            workers.execute(handler.serve(socket, () -> connections.remove(socket)));
        } catch (SocketException | RejectedExecutionException e) {
            // Too many connections at once, or closing: this one is dropped, not queued.
            LOG.debug("Dropped a connection from {} while answering {}: {}",
                    socket.getRemoteSocketAddress(), what, e.toString());
            connections.remove(socket);
            closeQuietly(socket);
        }
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
            LOG.debug("Could not close {} while answering {}: {}", closeable, what,
                    e.getMessage());
        }
    }
}
