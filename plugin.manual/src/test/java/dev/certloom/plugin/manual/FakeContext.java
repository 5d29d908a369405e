package dev.certloom.plugin.manual;

import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run with fixed options and a console that keeps its output and answers from a list. */
final class FakeContext implements PluginContext, Console {

    private final OptionValues options;
    private final Path workDirectory;
    private final boolean interactive;
    private final Deque<String> answers;
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);
    private Duration hookTimeout = HookRunner.DEFAULT_TIMEOUT;

    private FakeContext(OptionValues options, Path workDirectory, boolean interactive,
            List<String> answers) {
        this.options = options;
        this.workDirectory = workDirectory;
        this.interactive = interactive;
        this.answers = new ArrayDeque<>(answers);
    }

    /** Returns a non-interactive run with the given option values. */
    static FakeContext withOptions(Path workDirectory, Map<String, String> options) {
        Map<String, List<String>> values = new HashMap<>();
        options.forEach((name, value) -> values.put(name, List.of(value)));
        return new FakeContext(new OptionValues(values, Map.of()), workDirectory, false,
                List.of());
    }

    /** Returns an interactive run without hooks whose console answers with these lines. */
    static FakeContext interactive(Path workDirectory, String... answers) {
        return new FakeContext(OptionValues.NONE, workDirectory, true, List.of(answers));
    }

    /** Sets the {@code --hook-timeout} of the run. */
    FakeContext withHookTimeout(Duration timeout) {
        this.hookTimeout = timeout;
        return this;
    }

    @Override
    public Duration hookTimeout() {
        return hookTimeout;
    }

    /** Returns everything written to the console. */
    String output() {
        return text.toString();
    }

    @Override
    public List<Identifier> identifiers() {
        return List.of(Identifier.dns("a.example.test"));
    }

    @Override
    public OptionValues options() {
        return options;
    }

    @Override
    public Path workDirectory() {
        return workDirectory;
    }

    @Override
    public Console console() {
        return this;
    }

    @Override
    public boolean isDryRun() {
        return false;
    }

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
        return interactive;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        out.print(prompt);
        return Optional.ofNullable(answers.poll());
    }
}
