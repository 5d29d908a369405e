package dev.certloom.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on 127.0.0.1 that answers every request with 503 and remembers it. Given
 * as {@code --server}, it proves that a command failed before talking to any CA.
 */
final class RequestRecorder implements AutoCloseable {

    private static final int UNAVAILABLE = 503;

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private RequestRecorder(HttpServer server) {
        this.server = server;
    }

    /** Starts the recorder on a free loopback port. */
    static RequestRecorder start() {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(LoopbackPorts.LOOPBACK, 0), 0);
            RequestRecorder recorder = new RequestRecorder(server);
            server.createContext("/", recorder::record);
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the request recorder", e);
        }
    }

    /** Returns a directory URL on this server, for {@code --server}. */
    URI directoryUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/directory");
    }

    /** Returns the requests so far, each as "METHOD path". */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        exchange.sendResponseHeaders(UNAVAILABLE, -1);
        exchange.close();
    }
}
