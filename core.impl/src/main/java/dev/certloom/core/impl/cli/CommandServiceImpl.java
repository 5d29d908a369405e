package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import dev.certloom.api.PluginException;
import dev.certloom.api.command.CommandService;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.core.impl.engine.Engine;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.storage.Workspace;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs certbot command lines: answers {@code --help} and {@code --version}, parses the
 * flags, prepares the folders and the log, dispatches to the verb, and turns failures
 * into one sentence and an exit code. The engine is optional, so that help and
 * {@code plugins} work while it is missing.
 */
@Component(service = CommandService.class)
public final class CommandServiceImpl implements CommandService {

    private static final Logger LOG = LoggerFactory.getLogger(CommandServiceImpl.class);

    /** certbot's other names for its verbs. */
    private static final Map<String, String> ALIASES = Map.of(
            "auth", "certonly", "everything", "run");
    /** certbot's verbs that Certloom does not offer yet. */
    private static final List<String> LATER = List.of("run", "install", "renew", "revoke",
            "delete", "enhance", "rollback", "update_account", "unregister", "update_symlinks");

    private final PluginRegistry registry;
    private final String version;
    private final Map<String, Verb> verbs = new LinkedHashMap<>();

    /**
     * @param registry the plugins present
     * @param engine   the engine behind the verbs; mandatory, so that the command service
     *                 is never handed out before the engine it needs is there
     * @param hooks    runs the user's hooks
     * @param context  the core bundle's context, for its version
     */
    @Activate
    public CommandServiceImpl(@Reference PluginRegistry registry, @Reference Engine engine,
            @Reference HookRunner hooks, BundleContext context) {
        this(registry, engine, hooks, context.getBundle().getVersion().toString(),
                Clock.systemUTC());
    }

    /**
     * @param registry the plugins present
     * @param engine   the engine behind the verbs
     * @param hooks    runs the user's hooks
     * @param version  what {@code --version} prints after {@code certloom}
     * @param clock    the clock {@code certificates} counts validity with
     */
    CommandServiceImpl(PluginRegistry registry, Engine engine, HookRunner hooks,
            String version, Clock clock) {
        this.registry = registry;
        this.version = version;
        for (Verb verb : List.of(new CertonlyVerb(registry, engine, hooks),
                new CertificatesVerb(engine, clock), new PluginsVerb(registry),
                new RegisterVerb(engine), new ShowAccountVerb(engine))) {
            verbs.put(verb.name(), verb);
        }
    }

    @Override
    public List<String> verbs() {
        return List.copyOf(verbs.keySet());
    }

    @Override
    public int execute(List<String> arguments, Console console) {
        try {
            return dispatch(arguments, console);
        } catch (UsageException e) {
            LOG.debug("Refused the command line: {}", e.getMessage());
            console.err().println(e.getMessage());
            return USAGE;
        } catch (CertloomException e) {
            LOG.debug("The command failed: {}", e.getMessage());
            console.err().println(e.getMessage());
            if (e instanceof PluginException plugin) {
                plugin.hint().ifPresent(console.err()::println);
            }
            return FAILED;
        } catch (RuntimeException e) {
            LOG.debug("The command failed unexpectedly", e);
            console.err().println("Certloom failed unexpectedly (" + e + "); the log has "
                    + "the details.");
            return FAILED;
        }
    }

    private int dispatch(List<String> arguments, Console console) throws CertloomException {
        FlagTable table = FlagTable.of(registry.authenticators());
        HelpPrinter help = new HelpPrinter(List.copyOf(verbs.values()), registry, table);
        if (HelpRequest.isAsked(arguments)) {
            return printHelp(console, help.render(HelpRequest.topic(arguments, help.topics(),
                    this::verbName)));
        }
        if (arguments.contains("--version")) {
            return printVersion(console);
        }
        ParsedArguments parsed = new ArgumentParser(table).parse(arguments);
        if (parsed.has(CoreFlag.HELP)) {
            return printHelp(console, help.render(parsed.positionals().stream()
                    .map(this::verbName).flatMap(Optional::stream).findFirst()));
        }
        if (parsed.has(CoreFlag.VERSION)) {
            return printVersion(console);
        }
        Verb verb = verb(parsed.positionals());
        CommandOptions options = CommandOptions.of(parsed);
        if (options.dryRun() && !verb.flags().contains(CoreFlag.DRY_RUN)) {
            throw new UsageException("--dry-run works only with certonly; leave it out of "
                    + verb.name() + ".");
        }

        Workspace workspace = options.workspace();
        workspace.ensureExists();
        Console shaped = new CommandConsole(console, options.quiet(), options.nonInteractive(),
                options.forceInteractive());
        shaped.useLogs(workspace.logsDir(), options.verbosity());
        return run(verb, new Invocation(options, shaped));
    }

    private int run(Verb verb, Invocation invocation) throws CertloomException {
        CommandOptions options = invocation.options();
        String subject = options.names().isEmpty()
                ? options.certName().map(name -> "the certificate " + name)
                        .orElse("no particular certificate")
                : String.join(", ", options.names());
        LOG.info("Running {} for {}", verb.name(), subject);
        try {
            return verb.run(invocation);
        } catch (UsageException e) {
            throw e;
        } catch (CertloomException e) {
            // The trace goes to DEBUG only: the launcher echoes ERROR records on the terminal,
            // where the user must never see a stack trace.
            LOG.error("{} failed for {}: {}", verb.name(), subject, e.getMessage());
            LOG.debug("Why {} failed for {}", verb.name(), subject, e);
            throw e;
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly for {}: {}", verb.name(), subject, e.toString());
            LOG.debug("Why {} failed for {}", verb.name(), subject, e);
            throw e;
        }
    }

    /** Returns the verb named by the one word that is not a flag. */
    private Verb verb(List<String> positionals) throws UsageException {
        Optional<String> word = positionals.stream()
                .filter(w -> verbName(w).isPresent() || LATER.contains(aliased(w)))
                .findFirst();
        Optional<String> stray = positionals.stream()
                .filter(w -> word.isEmpty() || !w.equals(word.get())).findFirst();
        if (stray.isPresent()) {
            throw new UsageException(word.isPresent()
                    ? "Unexpected word '" + stray.get() + "'; give one subcommand and flags."
                    : "Unknown subcommand '" + stray.get() + "'; the subcommands are "
                            + HelpText.all(verbs()) + ".");
        }
        String name = word.map(CommandServiceImpl::aliased).orElse("run");
        if (name.equals("run")) {
            throw new UsageException("Certloom cannot install certificates yet, so 'run' "
                    + "(what certbot does without a subcommand) is not available; use "
                    + "'certonly' to obtain a certificate without installing it.");
        }
        Verb verb = verbs.get(name);
        if (verb == null) {
            throw new UsageException("The subcommand '" + name + "' is not available in "
                    + "Certloom yet; the subcommands are " + HelpText.all(verbs()) + ".");
        }
        return verb;
    }

    private Optional<String> verbName(String word) {
        String name = aliased(word);
        return verbs.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    private static String aliased(String word) {
        return ALIASES.getOrDefault(word, word);
    }

    private static int printHelp(Console console, String text) {
        console.out().print(text);
        console.out().flush();
        return OK;
    }

    private int printVersion(Console console) {
        console.out().println("certloom " + version);
        return OK;
    }
}
