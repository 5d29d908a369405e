package dev.certloom.core.impl.hooks;

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

    /**
     * The timeout when {@code --hook-timeout} is not given. certbot waits for a hook
     * forever; a hook that hangs would then hold the workspace's locks and block every
     * later run from cron. Fifteen minutes is far longer than a server restart or the
     * propagation waits DNS hooks sleep through (certbot's documented examples wait
     * seconds to a few minutes), and short enough that a twice-daily renewal never piles up.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

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
