package dev.certloom.launcher.shell;

import dev.certloom.api.command.CommandService;
import dev.certloom.launcher.console.LogSetup;
import dev.certloom.launcher.console.StreamConsole;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers one Gogo function per verb of the command service, in the scope
 * {@value #SCOPE}. A function passes its arguments unchanged to the command service with
 * a console over the session's streams, and returns nothing but prints; a failing
 * command sets the session variable {@code certloom.exit} to its exit code.
 */
@Component(immediate = true)
public final class ShellCommands {

    static final String SCOPE = "certloom";

    private final CommandService commands;
    private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();

    @Activate
    public ShellCommands(@Reference CommandService commands, BundleContext context) {
        this.commands = commands;
        for (String verb : commands.verbs()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(CommandProcessor.COMMAND_SCOPE, SCOPE);
            properties.put(CommandProcessor.COMMAND_FUNCTION, new String[] {verb});
            registrations.add(context.registerService(Function.class, new Verb(verb), properties));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** One verb as a Gogo function. */
    private final class Verb implements Function {

        private final String name;

        Verb(String name) {
            this.name = name;
        }

        @Override
        public Object execute(CommandSession session, List<Object> arguments) {
            List<String> line = new ArrayList<>(arguments.size() + 1);
            line.add(name);
            arguments.forEach(a -> line.add(String.valueOf(a)));
            StreamConsole console = new StreamConsole(session.getKeyboard(),
                    session.getConsole(), session.getConsole(), true, LogSetup::configure);
            int code = commands.execute(line, console);
            session.put("certloom.exit", code);
            return null;
        }
    }
}
