package dev.certloom.itest.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeAuthenticatorTest {

    private static final Identifier NAME = Identifier.dns("a.example");

    @TempDir
    Path work;

    private final ProbeAuthenticator probe = new ProbeAuthenticator();

    @Test
    void offersHttp01Only() {
        assertThat(probe.challengeTypes()).containsExactly(ChallengeType.HTTP_01);
    }

    @Test
    void performWritesEachResponseUnderItsToken() throws Exception {
        List<Challenge> challenges = List.of(new Http01Challenge(NAME, "tok-1", "tok-1.key"));

        try (Authentication authentication = probe.prepare(new Run(work))) {
            authentication.perform(challenges);
        }

        assertThat(work.resolve("tok-1")).hasContent("tok-1.key");
    }

    @Test
    void cleanupRemovesWhatPerformWrote() throws Exception {
        List<Challenge> challenges = List.of(new Http01Challenge(NAME, "tok-2", "tok-2.key"));
        Authentication authentication = probe.prepare(new Run(work));
        authentication.perform(challenges);

        authentication.cleanup(challenges);

        assertThat(work.resolve("tok-2")).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void challengeOfAnotherTypeIsRefusedWithASentence() {
        Authentication authentication = probe.prepare(new Run(work));
        List<Challenge> challenges =
                List.of(new Dns01Challenge(NAME, "_acme-challenge.a.example", "digest"));

        assertThatThrownBy(() -> authentication.perform(challenges))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("dns-01")
                .hasMessageContaining("a.example")
                .hasMessageEndingWith(".");
    }

    /** A run for one name whose only resource the probe uses is the work folder. */
    private record Run(Path workDirectory) implements PluginContext {

        @Override
        public List<Identifier> identifiers() {
            return List.of(NAME);
        }

        @Override
        public OptionValues options() {
            return OptionValues.NONE;
        }

        @Override
        public Console console() {
            throw new UnsupportedOperationException("the probe never talks to the user");
        }

        @Override
        public boolean isDryRun() {
            return false;
        }
    }
}
