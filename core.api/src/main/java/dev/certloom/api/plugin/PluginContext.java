package dev.certloom.api.plugin;

import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.hook.HookRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What the core tells a plugin about the run it takes part in. */
@ProviderType
public interface PluginContext {

    /** Returns the names of the certificate being obtained, never empty. */
    List<Identifier> identifiers();

    /** Returns the values of this plugin's options. */
    OptionValues options();

    /**
     * Returns a folder this run may use for files of its own, which exists with mode
     * 0700. The plugin removes what it writes there.
     */
    Path workDirectory();

    /** Returns the console of the person who started the run. */
    Console console();

    /** Returns whether the run is a rehearsal ({@code --dry-run}) against a staging CA. */
    boolean isDryRun();

    /**
     * Returns the challenge types the user allows, most wanted first
     * ({@code --preferred-challenges}); empty when the user stated no preference. The core
     * answers only these types (and only those the plugin supports), so a plugin that
     * takes a resource per type, such as a port, takes only what the run may use.
     *
     * @return the preference, never {@code null}
     */
    default List<ChallengeType> preferredChallenges() {
        return List.of();
    }

    /**
     * Returns how long each of the plugin's own hooks may run: the user's
     * {@code --hook-timeout}, which the core's hooks obey too. Plugins run hooks through
     * {@link dev.certloom.api.hook.HookRunner} with this timeout.
     *
     * @return a positive duration; {@link dev.certloom.api.hook.HookRunner#DEFAULT_TIMEOUT}
     *         unless the caller chose another
     * @since 1.1
     */
    default Duration hookTimeout() {
        return HookRunner.DEFAULT_TIMEOUT;
    }
}
