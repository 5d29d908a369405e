package dev.certloom.api.hook;

import dev.certloom.api.PluginException;
import java.time.Duration;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a hook: a command line the user gave, through {@code /bin/sh -c}, as certbot does.
 * Names and values reach the hook only through its environment, never spliced into the
 * command line. The hook runs in a process group of its own; at the timeout the whole
 * group is killed, so nothing it started is left behind. The core registers one instance
 * as an OSGi service. Thread-safe.
 */
@ProviderType
public interface HookRunner {

    /**
     * How long a hook may run when the user sets no timeout ({@code --hook-timeout}).
     * certbot waits for a hook forever; one that hangs would then hold the workspace's
     * locks and block every later run from cron. Fifteen minutes is far longer than a
     * server restart or the propagation waits of DNS hooks, and short enough that a
     * twice-daily renewal never piles up.
     */
    Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    /** How many bytes of each output stream are kept; the rest is read and dropped. */
    int OUTPUT_LIMIT = 64 * 1024;

    /**
     * Runs a hook and waits for it.
     *
     * @param what        what the hook is, for messages and the log, such as
     *                    {@code "the manual auth hook for example.org"}
     * @param command     the command line, run by {@code /bin/sh -c}
     * @param environment variables added to the process environment
     * @param timeout     how long the hook may run
     * @return what the hook did; a non-zero exit code is returned, not thrown
     * @throws PluginException when the hook cannot be started, or ran into the timeout (the
     *                         message names the hook and the timeout)
     */
    HookResult run(String what, String command, Map<String, String> environment,
            Duration timeout) throws PluginException;

    /**
     * What a finished hook did.
     *
     * @param exitCode the exit code
     * @param output   standard output, at most {@link #OUTPUT_LIMIT} bytes, as UTF-8 text
     * @param errors   standard error, at most {@link #OUTPUT_LIMIT} bytes, as UTF-8 text
     */
    record HookResult(int exitCode, String output, String errors) {

        /** Returns whether the hook exited with 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
