package dev.certloom.plugin.standalone;

import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run with fixed names and options and a console that keeps what it is told. */
record FakeContext(List<Identifier> identifiers, OptionValues options, Path workDirectory,
        List<ChallengeType> preferredChallenges) implements PluginContext {

    /** Returns a run for DNS names with the given option values and no preference. */
    static FakeContext of(OptionValues options, Path workDirectory, String... names) {
        return new FakeContext(Arrays.stream(names).map(Identifier::dns).toList(), options,
                workDirectory, List.of());
    }

    /** Returns this run with a {@code --preferred-challenges} list. */
    FakeContext preferring(ChallengeType... types) {
        return new FakeContext(identifiers, options, workDirectory, List.of(types));
    }

    /** Returns option values without per-domain assignments. */
    static OptionValues values(Map<String, List<String>> values) {
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
