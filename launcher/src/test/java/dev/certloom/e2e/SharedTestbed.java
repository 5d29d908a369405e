package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link AcmeTestbed} for a test class: started before its first test (and before the
 * class's own {@code @BeforeAll} methods), closed and removed after its last. Register it
 * as {@code @RegisterExtension static final SharedTestbed shared = ...}.
 */
final class SharedTestbed implements BeforeAllCallback, AfterAllCallback {

    private final boolean webServer;
    private Path folder;
    private AcmeTestbed testbed;

    private SharedTestbed(boolean webServer) {
        this.webServer = webServer;
    }

    /** Returns a testbed with nginx serving a webroot on Pebble's HTTP-01 port. */
    static SharedTestbed withWebServer() {
        return new SharedTestbed(true);
    }

    /** Returns a testbed whose HTTP-01 port is left free for Certloom's own server. */
    static SharedTestbed withoutWebServer() {
        return new SharedTestbed(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("certloom-e2e-");
        testbed = webServer ? AcmeTestbed.withWebServer(folder)
                : AcmeTestbed.withoutWebServer(folder);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (testbed != null) {
                testbed.close();
            }
        } finally {
            deleteTree(folder);
        }
    }

    /** Returns the running testbed. */
    AcmeTestbed testbed() {
        return testbed;
    }

    /** Returns the class's own folder, which is removed after its last test. */
    Path folder() {
        return folder;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
