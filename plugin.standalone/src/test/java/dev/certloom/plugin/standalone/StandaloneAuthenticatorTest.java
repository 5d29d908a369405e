package dev.certloom.plugin.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Identifier;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.plugin.TestPluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneAuthenticatorTest {

    private static final Duration IDLE = Duration.ofMillis(300);
    private static final Http01Challenge CHALLENGE = new Http01Challenge(
            Identifier.dns("example.org"), "tok_en-1", "tok_en-1.thumbprint");

    private final StandaloneAuthenticator authenticator = new StandaloneAuthenticator(IDLE);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    private StandaloneAuthentication run;
    private int port;

    @BeforeEach
    void startOnAFreeLoopbackPort() throws Exception {
        run = prepare(0, "example.org", "www.example.org");
        port = run.port(ChallengeType.HTTP_01);
    }

    @AfterEach
    void stop() {
        run.close();
    }

    @Test
    void declaresCertbotsFlagsRenewalKeysAndDefaults() {
        assertThat(authenticator.options()).extracting(PluginOption::name,
                PluginOption::flags, PluginOption::renewalKey, PluginOption::defaultValue)
                .containsExactly(
                        tuple("http-01-port", List.of("--http-01-port"), "http01_port", "80"),
                        tuple("http-01-address", List.of("--http-01-address"),
                                "http01_address", ""),
                        tuple("tls-alpn-01-port", List.of("--tls-alpn-01-port"),
                                "tls_alpn_01_port", "443"),
                        tuple("tls-alpn-01-address", List.of("--tls-alpn-01-address"),
                                "tls_alpn_01_address", ""));
        assertThat(authenticator.challengeTypes())
                .containsExactlyInAnyOrder(ChallengeType.HTTP_01, ChallengeType.TLS_ALPN_01);
    }

    @Test
    void servesAPublishedChallengeAsPlainText() throws Exception {
        run.perform(List.of(CHALLENGE));

        HttpResponse<String> response = get(CHALLENGE.path());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("tok_en-1.thumbprint");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
    }

    @Test
    void answers404ForUnknownTokensOtherPathsAndAfterCleanup() throws Exception {
        run.perform(List.of(CHALLENGE));

        assertThat(get("/.well-known/acme-challenge/other").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
        run.cleanup(List.of(CHALLENGE));
        assertThat(get(CHALLENGE.path()).statusCode()).isEqualTo(404);
    }

    @Test
    void answersHeadWithoutABodyAndRefusesOtherMethods() throws Exception {
        run.perform(List.of(CHALLENGE));

        String head = exchange("HEAD " + CHALLENGE.path() + " HTTP/1.1\r\nHost: example.org\r\n"
                + "Connection: close\r\n\r\n");
        String post = exchange("POST " + CHALLENGE.path() + " HTTP/1.1\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Content-Length: 19\r\n").endsWith("\r\n\r\n");
        assertThat(post).startsWith("HTTP/1.1 405 Method Not Allowed\r\n")
                .contains("Allow: GET, HEAD\r\n");
    }

    @Test
    void servesSeveralRequestsOnOneConnection() throws Exception {
        run.perform(List.of(CHALLENGE));
        String request = "GET " + CHALLENGE.path() + " HTTP/1.1\r\nHost: example.org\r\n\r\n";

        String answers = exchange(request + request.replace("\r\n\r\n",
                "\r\nConnection: close\r\n\r\n"));

        assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(answers).endsWith("tok_en-1.thumbprint");
    }

    @Test
    void answersAMalformedRequestWith400AndCloses() throws Exception {
        String answer = exchange("GARBAGE\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                .contains("Connection: close\r\n");
    }

    @Test
    void servesConcurrentRequestsWhileAnotherClientStaysSilent() throws Exception {
        run.perform(List.of(CHALLENGE));
        List<CompletableFuture<HttpResponse<String>>> responses;

        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
            responses = IntStream.range(0, 20).mapToObj(i -> client.sendAsync(
                    request(CHALLENGE.path()), HttpResponse.BodyHandlers.ofString())).toList();
            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
        }

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.join().statusCode()).isEqualTo(200);
            assertThat(response.join().body()).isEqualTo("tok_en-1.thumbprint");
        });
    }

    @Test
    void closesAConnectionThatStaysIdle() throws Exception {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
            silent.setSoTimeout(5_000);

            int read = silent.getInputStream().read();

            assertThat(read).isEqualTo(-1);
        }
    }

    @Test
    void aSecondRunOnTheSamePortFailsBeforeAnyOrderNamingThePort() {
        assertThatThrownBy(() -> prepare(port, "example.org"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("Could not bind TCP port " + port + " on 127.0.0.1")
                .hasMessageContaining("--http-01-port");
    }

    @Test
    void closeFreesThePortAndEndsEveryThread() throws Exception {
        run.perform(List.of(CHALLENGE));
        assertThat(get(CHALLENGE.path()).statusCode()).isEqualTo(200);

        run.close();

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        // A pool reports itself terminated just before its last thread has exited, so
        // give each of the server's threads a bounded moment to finish.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("certloom-http01-" + port)) {
                thread.join(2_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneSatisfy(thread -> assertThat(
                thread.getName()).startsWith("certloom-http01-" + port));
    }

    @Test
    void refusesChallengesOfOtherTypes() {
        Challenge dns = new Dns01Challenge(Identifier.dns("example.org"),
                "_acme-challenge.example.org", "value");

        assertThatThrownBy(() -> run.perform(List.of(dns)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cannot answer the dns-01 challenge of example.org")
                .hasMessageContaining("choose an authenticator that answers dns-01");
    }

    @Test
    void refusesWildcardNamesBeforeBinding() {
        assertThatThrownBy(() -> prepare(0, "*.example.org"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("wildcard name *.example.org");
    }

    @Test
    void theDescriptionNamesTheChallengeTypeAndTheLimitations() {
        assertThat(StandaloneAuthenticator.DESCRIPTION)
                .contains("HTTP-01", "port 80", "Limitations", "wildcard");
    }

    private StandaloneAuthentication prepare(int listenPort, String... names)
            throws Exception {
        OptionValues options = TestPluginContext.values(Map.of(
                "http-01-port", List.of(String.valueOf(listenPort)),
                "http-01-address", List.of("127.0.0.1")));
        return (StandaloneAuthentication) authenticator.prepare(
                TestPluginContext.of(options, temp, names));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends raw bytes and returns everything the server sends until it closes. */
    private String exchange(String raw) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
