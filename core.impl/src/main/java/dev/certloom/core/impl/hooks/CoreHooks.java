package dev.certloom.core.impl.hooks;

import dev.certloom.api.CertloomException;
import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Console;
import dev.certloom.api.PluginException;
import dev.certloom.api.StorageException;
import dev.certloom.api.hook.HookRunner;
import dev.certloom.api.hook.HookRunner.HookResult;
import dev.certloom.core.impl.storage.DirectoryLocks;
import dev.certloom.core.impl.storage.RenewalConfiguration;
import dev.certloom.core.impl.storage.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's hooks around obtaining a certificate, in certbot's order: the pre hooks
 * before anything is asked of the CA, the deploy hooks once a certificate was saved, the
 * post hooks at the end whatever happened. Each stage runs the executables of its
 * {@code renewal-hooks/<stage>/} folder in sorted order, then the command-line hook unless
 * it names one of those executables. A failing pre hook stops the run; a deploy or post
 * hook that exits non-zero is reported as a warning and the run still succeeds, as with
 * certbot. A hook that runs into the timeout always fails the run. Used from one thread.
 */
public final class CoreHooks {

    /** One step run between the pre and the post hooks. */
    @FunctionalInterface
    public interface Step<T> {

        /**
         * Runs the step.
         *
         * @return its result
         * @throws CertloomException when the step fails
         */
        T run() throws CertloomException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CoreHooks.class);

    private final HookRunner runner;
    private final HookSettings settings;
    private final Path hooksFolder;
    private final Console console;
    private final String path;

    /**
     * @param runner    runs the commands
     * @param settings  the command line's hook choices
     * @param configDir the configuration folder, which holds {@code renewal-hooks/}
     * @param console   where hook output and warnings are shown
     */
    public CoreHooks(HookRunner runner, HookSettings settings, Path configDir,
            Console console) {
        this.runner = runner;
        this.settings = settings;
        this.hooksFolder = configDir.resolve("renewal-hooks");
        this.console = console;
        this.path = HookCommandCheck.searchPath(System.getenv("PATH"));
    }

    /**
     * Checks, as certbot does before any order, that every command-line hook starts with
     * an executable; does nothing with {@code --disable-hook-validation}.
     *
     * @throws ConfigurationException naming the first hook whose program is missing
     */
    public void validate() throws ConfigurationException {
        if (!settings.validateHooks()) {
            return;
        }
        // certbot's order of checks: pre, post, deploy.
        List<Map.Entry<String, Optional<String>>> hooks = List.of(
                Map.entry("pre", settings.pre()), Map.entry("post", settings.post()),
                Map.entry("deploy", settings.deploy()));
        for (Map.Entry<String, Optional<String>> hook : hooks) {
            if (hook.getValue().isPresent()) {
                HookCommandCheck.check(hook.getKey(), hook.getValue().get(), path);
            }
        }
    }

    /**
     * Runs the pre hooks, then the step, then the post hooks, which run also when the pre
     * hooks or the step failed. A post hook failing after an earlier failure is shown as
     * a warning and the earlier failure is thrown.
     *
     * @param certificate the certificate's first name, for messages and the log
     * @param step        the work between the hooks
     * @return the step's result
     * @throws CertloomException the first failure of the pre hooks, the step or the post
     *                           hooks
     */
    public <T> T around(String certificate, Step<T> step) throws CertloomException {
        T result;
        try {
            runPre(certificate);
            result = step.run();
        } catch (CertloomException | RuntimeException e) {
            try {
                runPost(certificate);
            } catch (PluginException postFailure) {
                console.err().println("Warning: " + postFailure.getMessage());
                e.addSuppressed(postFailure);
            }
            throw e;
        }
        runPost(certificate);
        return result;
    }

    /**
     * Runs the deploy hooks for a saved certificate, with {@code RENEWED_LINEAGE} and
     * {@code RENEWED_DOMAINS} in their environment. On a dry run nothing is saved, so they
     * are skipped, as certbot skips them.
     *
     * @param certificate the certificate's first name, for messages and the log
     * @param liveFolder  the lineage's {@code live/} folder
     * @param domains     the certificate's names
     * @param dryRun      whether this was a dry run
     * @throws PluginException when a deploy hook runs into the timeout
     */
    public void runDeploy(String certificate, Path liveFolder, List<String> domains,
            boolean dryRun) throws PluginException {
        List<String> commands = commands("deploy", settings.deploy());
        if (dryRun) {
            commands.forEach(c -> LOG.info("Dry run for {}: skipping the deploy hook {}",
                    certificate, c));
            return;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", path);
        String lineage = liveFolder.toAbsolutePath().toString();
        environment.put("RENEWED_LINEAGE", lineage);
        environment.put("RENEWED_DOMAINS", String.join(" ", domains));
        for (String command : commands) {
            HookResult result = run("deploy", certificate, command, environment);
            report("deploy", certificate, command, result);
        }
    }

    /**
     * Returns the command-line hooks under the keys certbot's renewal configuration uses:
     * {@code pre_hook}, {@code post_hook}, and {@code renew_hook} for the deploy hook.
     */
    public Map<String, String> renewalParams() {
        Map<String, String> params = new LinkedHashMap<>();
        settings.pre().ifPresent(c -> params.put("pre_hook", c));
        settings.post().ifPresent(c -> params.put("post_hook", c));
        settings.deploy().ifPresent(c -> params.put("renew_hook", c));
        return params;
    }

    /**
     * Adds the command-line hooks to a saved lineage's renewal configuration, under the
     * workspace's locks, so that a renewal runs them again.
     *
     * @param workspace the workspace holding the lineage
     * @param lineage   the lineage's name
     * @throws StorageException when the configuration cannot be read or written
     */
    public void saveIn(Workspace workspace, String lineage) throws StorageException {
        Map<String, String> params = renewalParams();
        if (params.isEmpty()) {
            return;
        }
        try (DirectoryLocks locks = DirectoryLocks.acquire(workspace.folders())) {
            Path file = workspace.renewalConf(lineage);
            RenewalConfiguration renewal = RenewalConfiguration.read(file);
            params.forEach(renewal::setParam);
            renewal.write(file);
        }
        LOG.debug("Saved the hooks of {} in its renewal configuration", lineage);
    }

    private void runPre(String certificate) throws PluginException {
        for (String command : commands("pre", settings.pre())) {
            HookResult result = run("pre", certificate, command, Map.of("PATH", path));
            showOutput("pre", command, result);
            if (!result.succeeded()) {
                throw new PluginException("The pre hook " + command + " failed with exit "
                        + "code " + result.exitCode() + ", so no certificate was requested for "
                        + certificate + "; fix the hook or remove it.");
            }
        }
    }

    private void runPost(String certificate) throws PluginException {
        for (String command : commands("post", settings.post())) {
            HookResult result = run("post", certificate, command, Map.of("PATH", path));
            report("post", certificate, command, result);
        }
    }

    private HookResult run(String stage, String certificate, String command,
            Map<String, String> environment) throws PluginException {
        return runner.run("the " + stage + " hook " + command + " for " + certificate, command,
                environment, settings.timeout());
    }

    /** A deploy or post hook that failed degrades the run but does not fail it. */
    private void report(String stage, String certificate, String command, HookResult result) {
        showOutput(stage, command, result);
        if (!result.succeeded()) {
            console.err().println("Warning: the " + stage + " hook " + command
                    + " reported exit code " + result.exitCode() + ".");
            // The console warned the user; the log keeps the fact without repeating it.
            LOG.info("The {} hook {} for {} exited with {}", stage, command, certificate,
                    result.exitCode());
        }
    }

    private void showOutput(String stage, String command, HookResult result) {
        if (!result.output().isBlank()) {
            console.out().println("The " + stage + " hook " + command + " printed:");
            console.out().println(indent(result.output()));
        }
        if (!result.errors().isBlank()) {
            console.err().println("The " + stage + " hook " + command + " printed errors:");
            console.err().println(indent(result.errors()));
        }
    }

    /** The folder's executables in sorted order, then the command unless it is one. */
    private List<String> commands(String stage, Optional<String> command) {
        List<String> commands = new ArrayList<>();
        if (settings.directoryHooks()) {
            commands.addAll(folderHooks(hooksFolder.resolve(stage)));
        }
        command.filter(c -> !commands.contains(c) && !commands.contains(quoted(c)))
                .ifPresent(commands::add);
        return commands;
    }

    private static List<String> folderHooks(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            // certbot skips editor backups (name~) and anything not executable.
            return entries.filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                    .filter(p -> !p.getFileName().toString().endsWith("~"))
                    .map(Path::toString).sorted().map(CoreHooks::quoted).toList();
        } catch (IOException e) {
            LOG.warn("Could not list the hooks in {}: {}; check the folder's permissions",
                    folder, e.getMessage());
            return List.of();
        }
    }

    /** A folder hook's path as one shell word, whatever characters the path holds. */
    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    private static String indent(String text) {
        return text.strip().replaceAll("(?m)^", "  ");
    }
}
