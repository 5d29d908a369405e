package dev.certloom.plugin.standalone;

import dev.certloom.api.challenge.Http01Challenge;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one client connection in turn and closes it when the client
 * asks, after a malformed request, after {@value #MAX_REQUESTS} requests, or once it has
 * been idle for the socket's read timeout. Answers {@code GET} and {@code HEAD} of
 * {@code /.well-known/acme-challenge/<token>} with the key authorization of a published
 * token (RFC 8555 section 8.3), everything else with 404 or 405.
 */
final class HttpConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);

    private static final int MAX_REQUESTS = 100;

    // RFC 9110 section 5.6.7: the IMF-fixdate form of the Date field.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final Socket socket;
    private final String names;
    private final Function<String, Optional<Http01Challenge>> published;
    private final Runnable onClose;

    /**
     * @param socket    the accepted connection, with its idle timeout set; this closes it
     * @param names     the names of the run, for the log
     * @param published finds the challenge published for a token
     * @param onClose   called once the connection is closed
     */
    HttpConnection(Socket socket, String names,
            Function<String, Optional<Http01Challenge>> published, Runnable onClose) {
        this.socket = socket;
        this.names = names;
        this.published = published;
        this.onClose = onClose;
    }

    /** What to send back: the status line's code and reason, and a text body. */
    private record Response(int status, String reason, String body) {
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            serve(in, out);
        } catch (RequestHead.MalformedRequestException e) {
            LOG.debug("Refused a malformed request from {} while serving {}: {}", peer(),
                    names, e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.debug("Closed the idle connection from {} while serving {}", peer(), names);
        } catch (IOException e) {
            LOG.debug("The connection from {} ended while serving {}: {}", peer(), names,
                    e.getMessage());
        } finally {
            onClose.run();
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        for (int served = 1; ; served++) {
            Optional<RequestHead> next;
            try {
                next = RequestHead.read(in);
            } catch (RequestHead.MalformedRequestException e) {
                int status = e.status();
                send(out, new Response(status, status == 505 ? "HTTP Version Not Supported"
                        : "Bad Request", e.getMessage() + "\n"), false, true);
                throw e;
            }
            if (next.isEmpty()) {
                return;
            }
            RequestHead request = next.get();
            boolean keepAlive = request.keepsAlive() && served < MAX_REQUESTS;
            send(out, answer(request), request.method().equals("HEAD"), !keepAlive);
            if (!keepAlive) {
                return;
            }
        }
    }

    private Response answer(RequestHead request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            LOG.debug("Refused {} {} for host {} from {}", request.method(), request.target(),
                    request.host(), peer());
            return new Response(405, "Method Not Allowed", "Only GET and HEAD are served.\n");
        }
        String path = request.path();
        Optional<Http01Challenge> challenge = path.startsWith(Http01Challenge.PATH_PREFIX)
                ? published.apply(path.substring(Http01Challenge.PATH_PREFIX.length()))
                : Optional.empty();
        if (challenge.isEmpty()) {
            LOG.debug("Answered {} for host {} from {} with 404", path, request.host(), peer());
            return new Response(404, "Not Found", "No such challenge.\n");
        }
        LOG.debug("Answered the HTTP-01 challenge of {} (host {}) to {}",
                challenge.get().identifier(), request.host(), peer());
        return new Response(200, "OK", challenge.get().content());
    }

    private static void send(OutputStream out, Response response, boolean headOnly,
            boolean close) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.US_ASCII);
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(response.reason()).append("\r\n")
                .append("Date: ").append(IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n")
                .append("Content-Type: text/plain\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (response.status() == 405) {
            // RFC 9110 section 15.5.6: a 405 response lists the methods that are allowed.
            head.append("Allow: GET, HEAD\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(body);
        }
        out.flush();
    }

    private String peer() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
