package dev.certloom.core.impl.hooks;

import dev.certloom.api.hook.HookRunner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The core's hook choices of one command: certbot's {@code --pre-hook}, {@code --post-hook}
 * and {@code --deploy-hook} commands, the timeout every hook runs under, and whether the
 * {@code renewal-hooks} folders are used and commands are checked. Immutable.
 *
 * @param preHook         run before obtaining, or {@code null}
 * @param postHook        run at the end, also after a failure, or {@code null}
 * @param deployHook      run after a certificate was saved, or {@code null}
 * @param timeout         how long each hook may run; positive
 * @param directoryHooks  whether the executables in {@code renewal-hooks/} run too
 * @param validateHooks   whether commands are checked for an executable before any order
 */
public record HookSettings(String preHook, String postHook, String deployHook,
        Duration timeout, boolean directoryHooks, boolean validateHooks) {

    /** The timeout when {@code --hook-timeout} is not given; the reasons are the API's. */
    public static final Duration DEFAULT_TIMEOUT = HookRunner.DEFAULT_TIMEOUT;

    /** No hook commands, the default timeout, folder hooks and validation on. */
    public static final HookSettings NONE =
            new HookSettings(null, null, null, DEFAULT_TIMEOUT, true, true);

    /**
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public HookSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The hook timeout must be positive.");
        }
        preHook = blankToNull(preHook);
        postHook = blankToNull(postHook);
        deployHook = blankToNull(deployHook);
    }

    /** Returns the pre hook command, if one was given. */
    public Optional<String> pre() {
        return Optional.ofNullable(preHook);
    }

    /** Returns the post hook command, if one was given. */
    public Optional<String> post() {
        return Optional.ofNullable(postHook);
    }

    /** Returns the deploy hook command, if one was given. */
    public Optional<String> deploy() {
        return Optional.ofNullable(deployHook);
    }

    private static String blankToNull(String command) {
        return command == null || command.isBlank() ? null : command;
    }
}
