package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import dev.certloom.api.command.CommandService;
import dev.certloom.core.impl.plugins.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dispatches a command line to its verb and turns failures into one sentence and a code. */
@Component(service = CommandService.class)
public final class CommandServiceImpl implements CommandService {

    private static final Logger LOG = LoggerFactory.getLogger(CommandServiceImpl.class);

    private final Map<String, Verb> verbs = new LinkedHashMap<>();

    @Activate
    public CommandServiceImpl(@Reference PluginRegistry registry) {
        add(new PluginsVerb(registry));
    }

    private void add(Verb verb) {
        verbs.put(verb.name(), verb);
    }

    @Override
    public List<String> verbs() {
        return List.copyOf(verbs.keySet());
    }

    @Override
    public int execute(List<String> arguments, Console console) {
        Optional<Verb> verb = arguments.stream().map(verbs::get)
                .filter(v -> v != null).findFirst();
        if (verb.isEmpty()) {
            console.err().println("Name a command: " + String.join(", ", verbs.keySet()) + ".");
            return USAGE;
        }
        try {
            return verb.get().run(arguments, console);
        } catch (CertloomException e) {
            LOG.error("{} failed: {}", verb.get().name(), e.getMessage(), e);
            console.err().println(e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", verb.get().name(), e);
            console.err().println("An unexpected error occurred: " + e
                    + ". The log has the details.");
            return FAILED;
        }
    }
}
