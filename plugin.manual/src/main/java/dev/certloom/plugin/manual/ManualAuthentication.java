package dev.certloom.plugin.manual;

import dev.certloom.api.Console;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.PluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the manual plugin: publishes each challenge through the auth hook or by
 * asking the person at the console, and undoes it through the cleanup hook. Used from one
 * thread.
 */
final class ManualAuthentication implements Authentication {

    private static final Logger LOG = LoggerFactory.getLogger(ManualAuthentication.class);

    private final Console console;
    private final HookCalls hooks;
    private final ValidationFiles files;
    private final List<Published> published = new ArrayList<>();

    /** A challenge whose publication started, with the environment its hooks get. */
    private record Published(String domain, Map<String, String> environment) {
    }

    /**
     * @param context the run
     * @param hooks   the run's hook commands
     */
    ManualAuthentication(PluginContext context, HookCalls hooks) {
        this.console = context.console();
        this.hooks = hooks;
        this.files = new ValidationFiles(context.workDirectory());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Challenges are published one after the other, in the order given. No fixed pause
     * follows, as with certbot 2: a DNS hook returns once its record can be seen.
     *
     * @throws PluginException when a hook fails or runs into its timeout, a validation
     *                         file cannot be written, or the input ends before the person
     *                         confirmed
     */
    @Override
    public void perform(List<Challenge> challenges) throws PluginException {
        for (int i = 0; i < challenges.size(); i++) {
            Challenge challenge = challenges.get(i);
            Map<String, String> environment = ChallengeEnvironment.of(challenge, challenges,
                    challenges.size() - i - 1);
            Published entry = new Published(ChallengeEnvironment.domain(challenge),
                    environment);
            // Recorded first, so that cleanup also undoes a half-done publication.
            published.add(entry);
            List<Path> paths = List.of();
            if (challenge instanceof TlsAlpn01Challenge alpn) {
                paths = files.write(alpn);
                environment.put(ChallengeEnvironment.CERT_PATH, paths.get(0).toString());
                environment.put(ChallengeEnvironment.KEY_PATH, paths.get(1).toString());
            }
            if (hooks.hasAuthHook()) {
                runAuthHook(entry);
            } else {
                ask(challenge, environment, paths, i, challenges.size());
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Runs the cleanup hook for every challenge whose publication started, even when one
     * of them fails, then removes the validation files.
     *
     * @throws PluginException for the first hook that failed or file that stayed; the
     *                         others are attached as suppressed exceptions
     */
    @Override
    public void cleanup(List<Challenge> challenges) throws PluginException {
        PluginException failure = null;
        for (Published entry : published) {
            try {
                hooks.cleanUp(entry.domain(), entry.environment());
            } catch (PluginException e) {
                failure = combine(failure, e);
            }
        }
        published.clear();
        PluginException leftover = files.removeAll();
        if (leftover != null) {
            failure = combine(failure, leftover);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Removes validation files a failed cleanup left. Never throws. */
    @Override
    public void close() {
        PluginException leftover = files.removeAll();
        if (leftover != null) {
            LOG.warn("{}", leftover.getMessage());
        }
    }

    private void runAuthHook(Published entry) throws PluginException {
        try {
            String output = hooks.authenticate(entry.domain(), entry.environment());
            entry.environment().put(ChallengeEnvironment.AUTH_OUTPUT, output);
        } catch (HookCalls.FailedHook e) {
            entry.environment().put(ChallengeEnvironment.AUTH_OUTPUT, e.output());
            throw e;
        }
    }

    private void ask(Challenge challenge, Map<String, String> environment, List<Path> paths,
            int index, int count) throws PluginException {
        String validation = environment.get(ChallengeEnvironment.VALIDATION);
        console.out().print(ManualInstructions.describe(challenge, validation, paths, index,
                count));
        console.out().flush();
        if (console.readLine("Press Enter once it is published: ").isEmpty()) {
            throw new PluginException("The input ended before the " + challenge.type()
                    + " challenge of " + challenge.identifier() + " was confirmed; run the"
                    + " command again and press Enter once each challenge is published.");
        }
        LOG.info("The person at the console published the {} challenge of {}",
                challenge.type(), challenge.identifier());
    }

    private static PluginException combine(PluginException first, PluginException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
