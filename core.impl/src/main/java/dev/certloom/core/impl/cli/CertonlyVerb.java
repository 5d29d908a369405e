package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Console;
import dev.certloom.api.command.CommandService;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.engine.Engine;
import dev.certloom.core.impl.hooks.CoreHooks;
import dev.certloom.core.impl.names.DomainNames;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistry.Plugin;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code certonly}: obtains a certificate and saves it as a lineage, installing nothing. */
final class CertonlyVerb implements Verb {

    private static final Logger LOG = LoggerFactory.getLogger(CertonlyVerb.class);

    private final PluginRegistry registry;
    private final Engine engine;
    private final HookRunner hookRunner;

    /**
     * @param registry   where authenticators are found
     * @param engine     the engine behind the verb
     * @param hookRunner runs the pre, deploy and post hooks
     */
    CertonlyVerb(PluginRegistry registry, Engine engine, HookRunner hookRunner) {
        this.registry = registry;
        this.engine = engine;
        this.hookRunner = hookRunner;
    }

    @Override
    public String name() {
        return "certonly";
    }

    @Override
    public String summary() {
        return "Obtain a certificate and save it, without installing it";
    }

    @Override
    public String usage() {
        return "certloom certonly [options] --AUTHENTICATOR -d DOMAIN [-d DOMAIN] ...";
    }

    @Override
    public List<CoreFlag> flags() {
        return List.of(CoreFlag.DOMAINS, CoreFlag.CERT_NAME, CoreFlag.AUTHENTICATOR,
                CoreFlag.PREFERRED_CHALLENGES, CoreFlag.PREFERRED_CHAIN, CoreFlag.KEY_TYPE,
                CoreFlag.RSA_KEY_SIZE, CoreFlag.ELLIPTIC_CURVE, CoreFlag.DRY_RUN,
                CoreFlag.EMAIL, CoreFlag.AGREE_TOS, CoreFlag.WITHOUT_EMAIL,
                CoreFlag.EFF_EMAIL, CoreFlag.NO_EFF_EMAIL, CoreFlag.SERVER, CoreFlag.STAGING,
                CoreFlag.PRE_HOOK, CoreFlag.POST_HOOK, CoreFlag.DEPLOY_HOOK,
                CoreFlag.HOOK_TIMEOUT, CoreFlag.NO_DIRECTORY_HOOKS,
                CoreFlag.DISABLE_HOOK_VALIDATION);
    }

    @Override
    public boolean choosesAuthenticator() {
        return true;
    }

    @Override
    public int run(Invocation invocation) throws CertloomException {
        CommandOptions options = invocation.options();
        Console console = invocation.console();
        Plugin<Authenticator> authenticator = authenticator(options.arguments());
        CoreHooks hooks = new CoreHooks(hookRunner, options.hooks(),
                options.workspace().configDir(), console);
        // certbot refuses a hook it cannot find before any order is placed.
        hooks.validate();

        CertificateRequest request = request(options, authenticator, console);

        LOG.info("Obtaining a certificate for {} with the {} authenticator",
                String.join(", ", request.names()), authenticator.name());
        Lineage lineage = hooks.around(request.names().get(0),
                () -> obtainAndDeploy(options, request, hooks, console));

        report(lineage, request.dryRun(), console.out());
        return CommandService.OK;
    }

    /** Obtains the certificate, saves the hooks for renewal and runs the deploy hooks. */
    private Lineage obtainAndDeploy(CommandOptions options, CertificateRequest request,
            CoreHooks hooks, Console console) throws CertloomException {
        Lineage lineage = engine.obtain(options.workspace(), request, console,
                options.hooks().timeout());
        if (!request.dryRun()) {
            hooks.saveIn(options.workspace(), lineage.name());
        }
        // certbot lists the certificate's subject name first, which is the first name asked.
        hooks.runDeploy(request.names().get(0), options.workspace().live(lineage.name()),
                request.names(), request.dryRun());
        return lineage;
    }

    /** Finds the one authenticator that {@code -a NAME} and {@code --NAME} agree on. */
    private Plugin<Authenticator> authenticator(ParsedArguments arguments)
            throws ConfigurationException {
        Set<String> chosen = new LinkedHashSet<>();
        for (Occurrence occurrence : arguments.occurrences()) {
            if (occurrence.flag() == CoreFlag.AUTHENTICATOR) {
                chosen.add(occurrence.value());
            } else if (occurrence.flag() instanceof AuthenticatorFlag selector) {
                chosen.add(selector.plugin());
            }
        }
        if (chosen.size() > 1) {
            throw new ConfigurationException("Several authenticators were chosen ("
                    + HelpText.all(List.copyOf(chosen)) + "); choose one.");
        }
        if (chosen.isEmpty()) {
            List<String> present = registry.authenticators().stream()
                    .map(p -> "--" + p.name()).toList();
            throw new ConfigurationException(present.isEmpty()
                    ? "certonly needs an authenticator, but no authenticator plugin is "
                            + "installed; install one, such as the webroot plugin."
                    : "certonly needs an authenticator; add " + HelpText.either(present)
                            + " (or -a NAME).");
        }
        return registry.authenticator(chosen.iterator().next());
    }

    private CertificateRequest request(CommandOptions options,
            Plugin<Authenticator> authenticator, Console console) throws CertloomException {
        List<PluginOption> declared = authenticator.service().options();
        OptionValues values = AuthenticatorOptions.collect(declared, options.arguments(),
                List.of());
        Set<String> names = new LinkedHashSet<>(options.names());
        names.addAll(DomainNames.toAscii(authenticator.service().impliedNames(values)));
        if (names.isEmpty()) {
            List<String> asked = askNames(console);
            names.addAll(asked);
            values = AuthenticatorOptions.collect(declared, options.arguments(), asked);
        }
        return new CertificateRequest(List.copyOf(names), options.certName().orElse(null),
                authenticator.name(), values, options.preferredChallenges(),
                options.account(), options.key(), options.preferredChain().orElse(null),
                options.dryRun());
    }

    /** certbot asks for the names when none were given and a person is there. */
    private static List<String> askNames(Console console) throws ConfigurationException {
        if (!console.isInteractive()) {
            throw new ConfigurationException("No names were given for the certificate; add "
                    + "-d NAME, or -d NAME,NAME for several.");
        }
        String answer = console.readLine("Enter the names for the certificate, separated "
                + "by commas or spaces: ").orElse("");
        List<String> names = new ArrayList<>();
        for (String name : answer.split("[,\\s]+")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new ConfigurationException("No names were entered for the certificate; "
                    + "run the command again and enter at least one, or give -d NAME.");
        }
        return DomainNames.toAscii(names);
    }

    private static void report(Lineage lineage, boolean dryRun, PrintWriter out) {
        if (dryRun) {
            out.println("The dry run succeeded; nothing was saved.");
            return;
        }
        out.println();
        out.println("Obtained a certificate for " + String.join(", ", lineage.domains()) + ".");
        out.println("Certificate and chain saved at: " + lineage.files().fullChain());
        out.println("Private key saved at:           " + lineage.files().privateKey());
        out.println("The certificate expires on "
                + LocalDate.ofInstant(lineage.notAfter(), ZoneOffset.UTC) + ".");
        out.println("Renewing it replaces these files in place, at the same paths.");
    }
}
