package dev.certloom.plugin.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestHeadTest {

    @Test
    void readsMethodTargetVersionAndFields() throws Exception {
        RequestHead request = read("GET /.well-known/acme-challenge/abc HTTP/1.1\r\n"
                + "Host: example.org\r\nAccept:  */* \r\nAccept: text/plain\r\n\r\n").get();

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/.well-known/acme-challenge/abc");
        assertThat(request.minorVersion()).isEqualTo(1);
        assertThat(request.host()).isEqualTo("example.org");
        assertThat(request.fields()).containsEntry("accept", "*/*, text/plain");
    }

    @Test
    void readsTwoRequestsInARowAndThenTheEnd() throws Exception {
        InputStream in = stream("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\n\n");

        assertThat(RequestHead.read(in)).map(RequestHead::path).contains("/a");
        assertThat(RequestHead.read(in)).map(RequestHead::path).contains("/b");
        assertThat(RequestHead.read(in)).isEmpty();
    }

    @Test
    void ignoresAnEmptyLineBeforeTheRequest() throws Exception {
        assertThat(read("\r\nGET /a HTTP/1.1\r\n\r\n")).map(RequestHead::path).contains("/a");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/a/b, /a/b",
        "/a?x=1, /a",
        "http://example.org/a?x, /a",
        "HTTP://example.org, /",
        "*, *"})
    void takesThePathOfEachTargetForm(String target, String path) throws Exception {
        RequestHead request = read("GET " + target + " HTTP/1.1\r\n\r\n").get();

        assertThat(request.path()).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1 by default                  | HTTP/1.1 |                      | true",
        "HTTP/1.1 asking to close             | HTTP/1.1 | Connection: close    | false",
        "HTTP/1.1 asking to close, mixed case | HTTP/1.1 | Connection: x, Close | false",
        "HTTP/1.0                             | HTTP/1.0 |                      | false",
        "HTTP/1.0 asking to keep alive        | HTTP/1.0 | Connection: keep-alive | false",
        "a request with a body                | HTTP/1.1 | Content-Length: 3    | false",
        "a chunked request                    | HTTP/1.1 | Transfer-Encoding: chunked | false",
        "an empty body                        | HTTP/1.1 | Content-Length: 0    | true"})
    void keepsTheConnectionOnlyWhenHttp11AllowsIt(String description, String version,
            String field, boolean keepsAlive) throws Exception {
        String head = "GET / " + version + "\r\n" + (field == null ? "" : field + "\r\n");

        RequestHead request = read(head + "\r\n").get();

        assertThat(request.keepsAlive()).isEqualTo(keepsAlive);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no version          | GET /\\r\\n\\r\\n                          | 400",
        "two spaces          | GET  / HTTP/1.1\\r\\n\\r\\n                | 400",
        "HTTP/2              | GET / HTTP/2.0\\r\\n\\r\\n                 | 505",
        "space before colon  | GET / HTTP/1.1\\r\\nHost : a\\r\\n\\r\\n    | 400",
        "folded field        | GET / HTTP/1.1\\r\\nA: b\\r\\n c\\r\\n\\r\\n | 400",
        "field without colon | GET / HTTP/1.1\\r\\nHost\\r\\n\\r\\n        | 400",
        "many empty lines    | \\r\\n\\r\\n\\r\\n\\r\\n\\r\\n\\r\\nGET / HTTP/1.1\\r\\n | 400"})
    void refusesMalformedHeads(String description, String head, int status) {
        String text = head.replace("\\r", "\r").replace("\\n", "\n");

        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(RequestHead.MalformedRequestException.class,
                        e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void refusesALineLongerThanTheLimit() {
        String target = "/" + "a".repeat(RequestHead.MAX_LINE_BYTES);

        assertThatThrownBy(() -> read("GET " + target + " HTTP/1.1\r\n\r\n"))
                .isInstanceOf(RequestHead.MalformedRequestException.class)
                .hasMessage("line too long");
    }

    @Test
    void refusesMoreFieldsThanTheLimit() {
        String fields = "X-A: b\r\n".repeat(RequestHead.MAX_FIELDS + 1);

        assertThatThrownBy(() -> read("GET / HTTP/1.1\r\n" + fields + "\r\n"))
                .isInstanceOf(RequestHead.MalformedRequestException.class)
                .hasMessage("too many header fields");
    }

    @Test
    void aStreamEndingMidRequestIsAnError() {
        assertThatThrownBy(() -> read("GET / HTTP/1.1\r\nHost: a"))
                .isInstanceOf(EOFException.class);
    }

    private static Optional<RequestHead> read(String text) throws Exception {
        return RequestHead.read(stream(text));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
