package dev.certloom.core.impl.engine;

import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a plugin is told about one run.
 *
 * @param identifiers   the names of the certificate
 * @param options       the plugin's option values
 * @param workDirectory a private folder of this run
 * @param console       the user's console
 * @param isDryRun      whether the run is a rehearsal
 * @param preferredChallenges the user's {@code --preferred-challenges}, possibly empty
 */
record RunContext(List<Identifier> identifiers, OptionValues options, Path workDirectory,
        Console console, boolean isDryRun, List<ChallengeType> preferredChallenges,
        Duration hookTimeout) implements PluginContext {

    RunContext {
        identifiers = List.copyOf(identifiers);
        preferredChallenges = List.copyOf(preferredChallenges);
    }
}
