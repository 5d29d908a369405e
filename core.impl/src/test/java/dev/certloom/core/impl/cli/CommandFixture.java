package dev.certloom.core.impl.cli;

import dev.certloom.api.Console;
import dev.certloom.core.impl.hooks.ProcessHookRunner;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistryFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A command service over a fake engine, with the webroot and standalone fakes registered
 * and a fixed clock; commands run in folders under a test's temporary folder.
 */
final class CommandFixture {

    static final Instant NOW = Instant.parse("2024-04-01T12:00:00Z");

    final PluginRegistry registry = new PluginRegistry();
    final FakeEngine engine = new FakeEngine();
    final FakeAuthenticator webroot = FakeAuthenticator.webroot();
    final FakeAuthenticator standalone = FakeAuthenticator.standalone();
    final CommandServiceImpl service;
    final LogCapture log = LogCapture.start();
    private final Path root;

    CommandFixture(Path root) {
        this.root = root;
        PluginRegistryFixture.addAuthenticator(registry, "webroot",
                "Saves the challenge files under the document root of a running web server. "
                        + "It touches nothing else.", webroot);
        PluginRegistryFixture.addAuthenticator(registry, "standalone",
                "Answers challenges from a server of its own on port 80.", standalone);
        service = new CommandServiceImpl(registry, engine, new ProcessHookRunner(), "1.2.3",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Runs a command line in the fixture's folders. */
    int run(Console console, String... words) {
        List<String> line = new ArrayList<>(List.of(words));
        line.addAll(List.of("--config-dir", config().toString(), "--work-dir",
                root.resolve("work").toString(), "--logs-dir", logs().toString()));
        return service.execute(line, console);
    }

    Path config() {
        return root.resolve("config");
    }

    Path logs() {
        return root.resolve("logs");
    }
}
