package dev.certloom.plugin.manual;

import dev.certloom.api.PluginException;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.hook.HookRunner.HookResult;
import java.time.Duration;
import java.util.Map;

/**
 * The manual plugin's two hook commands of one run, run through the core's
 * {@link HookRunner}. Immutable, so thread-safe.
 */
final class HookCalls {

    private final HookRunner runner;
    private final Duration timeout;
    private final String auth;
    private final String cleanup;

    /**
     * @param runner  the core's hook runner
     * @param timeout how long each hook may run
     * @param auth    the {@code --manual-auth-hook} command, or {@code null}
     * @param cleanup the {@code --manual-cleanup-hook} command, or {@code null}
     */
    HookCalls(HookRunner runner, Duration timeout, String auth, String cleanup) {
        this.runner = runner;
        this.timeout = timeout;
        this.auth = auth;
        this.cleanup = cleanup;
    }

    /** Returns whether an auth hook publishes the challenges, rather than a person. */
    boolean hasAuthHook() {
        return auth != null;
    }

    /**
     * Runs the auth hook for one challenge.
     *
     * @param domain      the name the challenge is for, as the hook sees it
     * @param environment the hook's {@code CERTBOT_*} variables
     * @return what the hook printed on standard output, without surrounding white space,
     *         as certbot hands it to the cleanup hook
     * @throws PluginException when the hook cannot start, runs into the timeout or exits
     *                         with a code other than 0
     */
    String authenticate(String domain, Map<String, String> environment)
            throws PluginException {
        HookResult result = runner.run("the manual auth hook for " + domain, auth, environment,
                timeout);
        String output = result.output().strip();
        if (!result.succeeded()) {
            throw new FailedHook("The manual auth hook for " + domain + " failed with exit"
                    + " code " + result.exitCode() + reason(result) + "; fix the command"
                    + " given with --manual-auth-hook.", output);
        }
        return output;
    }

    /**
     * Runs the cleanup hook for one challenge, if there is one.
     *
     * @param domain      the name the challenge is for, as the hook sees it
     * @param environment the auth hook's variables plus {@code CERTBOT_AUTH_OUTPUT}
     * @throws PluginException when the hook cannot start, runs into the timeout or exits
     *                         with a code other than 0
     */
    void cleanUp(String domain, Map<String, String> environment) throws PluginException {
        if (cleanup == null) {
            return;
        }
        HookResult result = runner.run("the manual cleanup hook for " + domain, cleanup,
                environment, timeout);
        if (!result.succeeded()) {
            throw new PluginException("The manual cleanup hook for " + domain + " failed with"
                    + " exit code " + result.exitCode() + reason(result) + "; remove what the"
                    + " auth hook published by hand and fix --manual-cleanup-hook.");
        }
    }

    /** Returns the last line the hook wrote to standard error, as a clause, or nothing. */
    private static String reason(HookResult result) {
        String[] lines = result.errors().strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : " (" + last + ")";
    }

    /** A failed auth hook, keeping what it printed for the cleanup hook. */
    static final class FailedHook extends PluginException {

        private static final long serialVersionUID = 1L;

        private final String output;

        FailedHook(String message, String output) {
            super(message);
            this.output = output;
        }

        /** Returns what the hook printed on standard output, stripped. */
        String output() {
            return output;
        }
    }
}
