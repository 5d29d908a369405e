package dev.certloom.core.impl.hooks;

import dev.certloom.api.PluginException;
import dev.certloom.api.hook.HookRunner;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs hooks as {@code setsid /bin/sh -c COMMAND}: {@code setsid} (util-linux) makes the
 * shell the leader of a new session and process group, whose id is the shell's pid, so
 * at the timeout one signal to the group reaches everything the hook started. Standard
 * input is closed; both output streams are drained on threads of their own and kept up to
 * {@link #OUTPUT_LIMIT} bytes. A hook ends when its shell exits: what it started in the
 * background and left running is the hook's choice and is not stopped. Stateless and
 * thread-safe.
 */
@Component(service = HookRunner.class)
public final class ProcessHookRunner implements HookRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessHookRunner.class);

    /** How long a group gets between SIGTERM and SIGKILL. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(2);

    /** How long output is still read after the shell exited. */
    private static final Duration OUTPUT_GRACE = Duration.ofMillis(500);

    @Override
    public HookResult run(String what, String command, Map<String, String> environment,
            Duration timeout) throws PluginException {
        ProcessBuilder builder = new ProcessBuilder(List.of("setsid", "/bin/sh", "-c", command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);

        LOG.info("Running {}", what);
        LOG.debug("Command of {}: {}", what, command);
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = start(what, builder);
        BoundedCapture out = new BoundedCapture(process.getInputStream(), OUTPUT_LIMIT);
        BoundedCapture err = new BoundedCapture(process.getErrorStream(), OUTPUT_LIMIT);
        Thread outReader = reader("hook-stdout", out);
        Thread errReader = reader("hook-stderr", err);

        if (!waitFor(process, deadline)) {
            killGroup(what, process);
            long grace = System.nanoTime() + TERM_GRACE.toNanos();
            join(outReader, grace);
            join(errReader, grace);
            throw new PluginException(capitalized(what) + " did not finish within "
                    + seconds(timeout)
                    + " and was stopped with everything it started; make the hook finish"
                    + " sooner or raise --hook-timeout.");
        }
        // The hook is done when its shell exits. Something it left running in the
        // background (a server a pre hook starts) may still hold the pipes; its output is
        // not waited for, and its reader thread ends when it closes them.
        long drain = System.nanoTime() + OUTPUT_GRACE.toNanos();
        join(outReader, drain);
        join(errReader, drain);

        int exitCode = process.exitValue();
        LOG.debug("{} exited with {}", what, exitCode);
        return new HookResult(exitCode, out.text(), err.text());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String seconds(Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    private static Thread reader(String name, BoundedCapture capture) {
        Thread thread = new Thread(capture, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Process start(String what, ProcessBuilder builder) throws PluginException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new PluginException("Could not start " + what + " because " + e.getMessage()
                    + "; check that /bin/sh and setsid (util-linux) are installed.", null, e);
        }
    }

    private static boolean waitFor(Process process, long deadline) throws PluginException {
        try {
            return process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            signalGroup("KILL", process.pid());
            process.destroyForcibly();
            throw new PluginException("Waiting for a hook was interrupted.", null, e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /**
     * Ends the hook's process group: SIGTERM first so hooks can clean up, SIGKILL to what
     * is still there after the grace period. The group id is the pid of the setsid'ed
     * shell (setsid execs it in place when it is not already a group leader).
     */
    private static void killGroup(String what, Process process) {
        long group = process.pid();
        // INFO, not WARN: the caller reports the failure; the log only records the step.
        LOG.info("{} ran into its timeout; stopping its process group {}", what, group);
        signalGroup("TERM", group);
        long deadline = System.nanoTime() + TERM_GRACE.toNanos();
        while (groupAlive(group) && System.nanoTime() < deadline) {
            pause(50);
        }
        if (groupAlive(group)) {
            signalGroup("KILL", group);
        }
        // SIGKILL cannot be caught; the bound only guards against a process stuck in the
        // kernel (state D), which no signal ends.
        long killDeadline = System.nanoTime() + TERM_GRACE.toNanos();
        while (groupAlive(group) && System.nanoTime() < killDeadline) {
            pause(20);
        }
        process.destroyForcibly();
    }

    private static void signalGroup(String signal, long group) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Could not send SIG{} to hook process group {}: {}", signal, group,
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns whether any process of the group is still running. Zombies do not count:
     * the JVM reaps the shell itself, and orphans are reaped by init.
     */
    private static boolean groupAlive(long group) {
        return ProcessGroups.members(group).findAny().isPresent();
    }

    private static boolean join(Thread reader, long deadline) {
        try {
            long millis = TimeUnit.NANOSECONDS.toMillis(remaining(deadline));
            reader.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !reader.isAlive();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
