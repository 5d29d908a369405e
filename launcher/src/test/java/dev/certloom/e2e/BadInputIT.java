package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that can never succeed fails before any request: the "CA" here is a recorder
 * that would see any request. The user gets one sentence, no stack trace, a non-zero exit.
 */
class BadInputIT {

    /** 64 letters: one more than a DNS label may have (RFC 1035 section 2.3.4). */
    private static final String LONG_LABEL = "a".repeat(64);

    @TempDir
    static Path shared;

    private static RequestRecorder recorder;
    private static Certloom certloom;
    private static Path webroot;

    @BeforeAll
    static void startRecorder() throws IOException {
        recorder = RequestRecorder.start();
        webroot = Files.createDirectories(shared.resolve("webroot"));
        certloom = Certloom.plain(Files.createDirectories(shared.resolve("runs")));
    }

    @AfterAll
    static void stopRecorder() {
        if (recorder != null) {
            recorder.close();
        }
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                arguments("a name with invalid characters", "bad_name!.example", "webroot",
                        List.of("bad_name!.example")),
                arguments("a label over 63 characters", LONG_LABEL + ".example.test", "webroot",
                        List.of(LONG_LABEL)),
                arguments("a wildcard with webroot", "*.wild.example.test", "webroot",
                        List.of("*.wild.example.test", "webroot")),
                arguments("an absent plugin", "plugin.example.test", "nosuch",
                        List.of("nosuch", "webroot", "standalone")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void failsBeforeAnyRequestWithOneSentence(String scenario, String name, String plugin,
            List<String> mentioned, @TempDir Path root) {
        List<String> authenticator = plugin.equals("webroot")
                ? List.of("--webroot", "-w", webroot.toString()) : List.of("-a", plugin);

        CommandResult result = certloom.run(certonly(root, name, authenticator));

        String message = FailureAssertions.assertFailedWithOneSentence(result);
        assertThat(message).contains(mentioned);
        assertThat(recorder.requests()).as("requests to the CA").isEmpty();
    }

    @Test
    void takenStandalonePortFailsBeforeAnyRequestNamingThePort(@TempDir Path root)
            throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(LoopbackPorts.LOOPBACK, 0));
            String port = Integer.toString(taken.getLocalPort());

            CommandResult result = certloom.run(certonly(root, "port.example.test",
                    List.of("--standalone", "--http-01-address", "127.0.0.1",
                            "--http-01-port", port)));

            String message = FailureAssertions.assertFailedWithOneSentence(result);
            assertThat(message).contains(port);
            assertThat(recorder.requests()).as("requests to the CA").isEmpty();
        }
    }

    private static List<String> certonly(Path root, String name, List<String> authenticator) {
        List<String> line = new ArrayList<>(List.of("certonly", "-n", "--agree-tos",
                "-m", AcmeTestbed.EMAIL, "--server", recorder.directoryUrl().toString(),
                "-d", name));
        line.addAll(CertbotDirs.under(root).flags());
        line.addAll(authenticator);
        return line;
    }
}
