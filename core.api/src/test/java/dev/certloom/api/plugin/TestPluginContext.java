package dev.certloom.api.plugin;

import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.ChallengeType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin run for tests: fixed names and options, a work folder, and a console that is
 * not interactive and swallows what it is told. Shipped in core.api's test jar so that
 * every plugin, ours or a third party's, tests against the same context.
 *
 * @param identifiers         the names of the run
 * @param options             the plugin's option values
 * @param workDirectory       the run's folder
 * @param preferredChallenges the user's {@code --preferred-challenges}, possibly empty
 */
public record TestPluginContext(List<Identifier> identifiers, OptionValues options,
        Path workDirectory, List<ChallengeType> preferredChallenges) implements PluginContext {

    /** Returns a run for DNS names with the given option values and no preference. */
    public static TestPluginContext of(OptionValues options, Path workDirectory,
            String... names) {
        return new TestPluginContext(Arrays.stream(names).map(Identifier::dns).toList(),
                options, workDirectory, List.of());
    }

    /** Returns this run with a {@code --preferred-challenges} list. */
    public TestPluginContext preferring(ChallengeType... types) {
        return new TestPluginContext(identifiers, options, workDirectory, List.of(types));
    }

    /** Returns option values without per-domain assignments. */
    public static OptionValues values(Map<String, List<String>> values) {
        return new OptionValues(values, Map.of());
    }

    @Override
    public Console console() {
        return new Console() {
            private final PrintWriter out = new PrintWriter(new StringWriter());

            @Override
            public PrintWriter out() {
                return out;
            }

            @Override
            public PrintWriter err() {
                return out;
            }

            @Override
            public boolean isInteractive() {
                return false;
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.empty();
            }
        };
    }

    @Override
    public boolean isDryRun() {
        return false;
    }
}
