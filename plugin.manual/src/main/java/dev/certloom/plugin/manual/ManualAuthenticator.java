package dev.certloom.plugin.manual;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import dev.certloom.api.plugin.PluginOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@value #NAME} authenticator: the user publishes each challenge, either through hook
 * commands that Certloom runs with certbot's {@code CERTBOT_*} environment, or by hand
 * after reading printed instructions. Holds no state of a run, so it is thread-safe.
 */
@Component(service = Authenticator.class)
@CertloomPlugin(name = ManualAuthenticator.NAME, description = ManualAuthenticator.DESCRIPTION)
public final class ManualAuthenticator implements Authenticator {

    static final String NAME = "manual";

    static final String DESCRIPTION = "Lets you publish the challenges yourself, for"
            + " HTTP-01, DNS-01 (also wildcard names) and TLS-ALPN-01: with"
            + " --manual-auth-hook and --manual-cleanup-hook it runs your commands once per"
            + " challenge with certbot's CERTBOT_* environment; without hooks it prints what"
            + " to publish and waits for Enter. For TLS-ALPN-01 it writes the validation"
            + " certificate and key (0600) into the run's work folder and removes them"
            + " afterwards. Limitations: without hooks it needs a person at a terminal; each"
            + " hook may run for --hook-timeout seconds (default 900); it does not wait for DNS"
            + " propagation, so a DNS hook must return only once its record is visible.";

    /** The name of the authentication hook option. */
    static final String AUTH_HOOK = "auth-hook";

    /** The name of the cleanup hook option. */
    static final String CLEANUP_HOOK = "cleanup-hook";

    /** The name of the option certbot 2 accepts and ignores. */
    static final String PUBLIC_IP_LOGGING_OK = "public-ip-logging-ok";

    // Flags and renewal keys are certbot's, so that scripts and renewal files carry over.
    private static final List<PluginOption> OPTIONS = List.of(
            PluginOption.of(NAME, AUTH_HOOK, PluginOption.Type.STRING)
                    .help("A command that publishes one challenge; it runs once per"
                            + " challenge through /bin/sh with CERTBOT_DOMAIN,"
                            + " CERTBOT_VALIDATION, CERTBOT_TOKEN (HTTP-01),"
                            + " CERTBOT_CERT_PATH and CERTBOT_KEY_PATH (TLS-ALPN-01),"
                            + " CERTBOT_REMAINING_CHALLENGES and CERTBOT_ALL_DOMAINS.")
                    .build(),
            PluginOption.of(NAME, CLEANUP_HOOK, PluginOption.Type.STRING)
                    .help("A command that removes what the auth hook published; it gets the"
                            + " same environment plus CERTBOT_AUTH_OUTPUT, what the auth hook"
                            + " printed.")
                    .build(),
            PluginOption.of(NAME, PUBLIC_IP_LOGGING_OK, PluginOption.Type.FLAG)
                    .help("Accepted for certbot's scripts and ignored, as certbot 2 does.")
                    .build());

    private final HookRunner hooks;

    /**
     * @param hooks the core's hook runner, through which every hook runs
     */
    @Activate
    public ManualAuthenticator(@Reference HookRunner hooks) {
        this.hooks = hooks;
    }

    /** Returns HTTP-01, DNS-01 and TLS-ALPN-01: a person or a hook can publish any. */
    @Override
    public Set<ChallengeType> challengeTypes() {
        return Set.of(ChallengeType.HTTP_01, ChallengeType.DNS_01, ChallengeType.TLS_ALPN_01);
    }

    /** Returns certbot's {@code --manual-*} options. */
    @Override
    public List<PluginOption> options() {
        return OPTIONS;
    }

    /**
     * Checks that the hooks given can run and that someone publishes the challenges: a hook,
     * or a person at an interactive console. Touches nothing on disk.
     *
     * @throws ConfigurationException when there is no auth hook and nobody to ask, or a
     *                                hook's program is missing or not executable
     */
    @Override
    public Authentication prepare(PluginContext context) throws ConfigurationException {
        OptionValues options = context.options();
        Optional<String> auth = hook(options, AUTH_HOOK);
        Optional<String> cleanup = hook(options, CLEANUP_HOOK);
        if (auth.isEmpty() && !context.console().isInteractive()) {
            throw new ConfigurationException("The manual plugin cannot ask anyone to publish"
                    + " the challenges of " + context.identifiers().get(0) + " because the"
                    + " run is non-interactive; give --manual-auth-hook with a command that"
                    + " publishes them.");
        }
        if (auth.isPresent()) {
            HookCommand.check(auth.get(), "--manual-auth-hook");
        }
        if (cleanup.isPresent()) {
            HookCommand.check(cleanup.get(), "--manual-cleanup-hook");
        }
        HookCalls calls = new HookCalls(hooks, context.hookTimeout(), auth.orElse(null),
                cleanup.orElse(null));
        return new ManualAuthentication(context, calls);
    }

    private static Optional<String> hook(OptionValues options, String option) {
        return options.last(option).filter(command -> !command.isBlank());
    }
}
