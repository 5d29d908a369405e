package dev.certloom.plugin.standalone;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of one HTTP/1.x request (RFC 9112 sections 2 to 5): method, target, version
 * and header fields. Lines and the number of fields are bounded, so that a client cannot
 * make the server read without end. The body, which a validation request never has, is
 * not read.
 *
 * @param method       the method, such as {@code GET}
 * @param target       the request target as sent
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param fields       the header field values by lower-case name; a repeated field's
 *                     values are joined with commas (RFC 9110 section 5.3)
 */
record RequestHead(String method, String target, int minorVersion, Map<String, String> fields) {

    static final int MAX_LINE_BYTES = 8192;
    static final int MAX_FIELDS = 100;

    // RFC 9112 section 2.2: at least one empty line before a request should be ignored.
    private static final int MAX_LEADING_EMPTY_LINES = 4;
    private static final Pattern REQUEST_LINE =
            Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\\S+) HTTP/(\\d)\\.(\\d)");
    private static final Pattern FIELD =
            Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*");

    /**
     * The request cannot be served; the connection answers with {@link #status()} and
     * closes.
     */
    static final class MalformedRequestException extends IOException {

        private static final long serialVersionUID = 1L;

        private final int status;

        MalformedRequestException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** Returns the status code to answer with: 400 or 505. */
        int status() {
            return status;
        }
    }

    /**
     * Reads the head of the next request.
     *
     * @param in the connection's input, buffered
     * @return the request, or empty when the client closed the connection between requests
     * @throws MalformedRequestException when the head breaks the grammar or the limits
     * @throws IOException               when reading fails or the stream ends mid-request
     */
    static Optional<RequestHead> read(InputStream in) throws IOException {
        String line = "";
        for (int empty = 0; line.isEmpty(); empty++) {
            if (empty > MAX_LEADING_EMPTY_LINES) {
                throw new MalformedRequestException(400, "too many empty lines");
            }
            Optional<String> next = readLine(in, empty == 0);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            line = next.get();
        }
        Matcher request = REQUEST_LINE.matcher(line);
        if (!request.matches()) {
            throw new MalformedRequestException(400, "malformed request line");
        }
        if (!request.group(3).equals("1")) {
            throw new MalformedRequestException(505, "HTTP/" + request.group(3) + " request");
        }
        return Optional.of(new RequestHead(request.group(1), request.group(2),
                Integer.parseInt(request.group(4)), readFields(in)));
    }

    /**
     * Returns the path the target names, without its query: for the origin form
     * {@code /a?b} that is {@code /a}; for the absolute form {@code http://host/a} it is
     * {@code /a} too (RFC 9112 section 3.2.2). Other forms are returned unchanged.
     */
    String path() {
        String path = target;
        int scheme = path.indexOf("://");
        if (!path.startsWith("/") && scheme > 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * Returns whether the client may send another request on this connection: HTTP/1.1
     * unless it sent {@code Connection: close} (RFC 9112 section 9.3). An HTTP/1.0
     * connection is always closed after the response, which the RFC permits, and so is
     * one whose request has a body, which this server does not read.
     */
    boolean keepsAlive() {
        boolean close = Arrays.stream(fields.getOrDefault("connection", "").split(","))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .anyMatch("close"::equals);
        return minorVersion >= 1 && !close && !hasBody();
    }

    /** Returns the Host field, or {@code -} when the client sent none; for the log. */
    String host() {
        return fields.getOrDefault("host", "-");
    }

    private boolean hasBody() {
        return fields.containsKey("transfer-encoding")
                || !fields.getOrDefault("content-length", "0").strip().equals("0");
    }

    private static Map<String, String> readFields(InputStream in) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in, false).orElseThrow();
            if (line.isEmpty()) {
                return Map.copyOf(fields);
            }
            if (count == MAX_FIELDS) {
                throw new MalformedRequestException(400, "too many header fields");
            }
            // RFC 9112 section 5: no white space before the colon, no folded lines.
            Matcher field = FIELD.matcher(line);
            if (!field.matches()) {
                throw new MalformedRequestException(400, "malformed header field");
            }
            fields.merge(field.group(1).toLowerCase(Locale.ROOT), field.group(2),
                    (first, next) -> first + ", " + next);
        }
    }

    /**
     * Reads one line ended by LF, dropping a CR before it (RFC 9112 section 2.2). Bytes
     * are taken as ISO-8859-1, which keeps each one as one character.
     *
     * @param mayEnd whether the stream may end before the line starts
     * @return the line, or empty when the stream ended where {@code mayEnd} allows
     */
    private static Optional<String> readLine(InputStream in, boolean mayEnd)
            throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0 && mayEnd) {
            return Optional.empty();
        }
        while (b != '\n') {
            if (b < 0) {
                throw new EOFException("the client closed the connection mid-request");
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new MalformedRequestException(400, "line too long");
            }
            line.write(b);
            b = in.read();
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
