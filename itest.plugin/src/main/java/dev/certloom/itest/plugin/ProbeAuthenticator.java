package dev.certloom.itest.plugin;

import dev.certloom.api.CertloomException;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.PluginContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * An authenticator that writes each HTTP-01 response into the run's work folder, named
 * after its token. No CA can fetch it from there, so it proves nothing: it exists so
 * that the integration tests have a plugin bundle of their own to install and remove.
 */
@Component(service = Authenticator.class)
@CertloomPlugin(name = ProbeAuthenticator.NAME, description = ProbeAuthenticator.DESCRIPTION)
public final class ProbeAuthenticator implements Authenticator {

    /** The name users select this plugin by. */
    public static final String NAME = "probe";

    /** What {@code plugins} shows for this plugin. */
    public static final String DESCRIPTION = "Integration-test probe: writes HTTP-01 "
            + "responses into the run's work folder, where no CA can reach them.";

    @Override
    public Set<ChallengeType> challengeTypes() {
        return Set.of(ChallengeType.HTTP_01);
    }

    @Override
    public Authentication prepare(PluginContext context) {
        return new FolderAuthentication(context.workDirectory());
    }

    /** Publishes into one folder and removes exactly the files it wrote. */
    private static final class FolderAuthentication implements Authentication {

        private final Path folder;

        FolderAuthentication(Path folder) {
            this.folder = folder;
        }

        @Override
        public void perform(List<Challenge> challenges) throws CertloomException {
            for (Challenge challenge : challenges) {
                Http01Challenge http = http01(challenge);
                Path file = folder.resolve(http.token());
                try {
                    Files.writeString(file, http.content(), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new PluginException("The probe plugin could not write the HTTP-01 "
                            + "response for " + http.identifier() + " to " + file
                            + " because " + e.getMessage() + ".", null, e);
                }
            }
        }

        @Override
        public void cleanup(List<Challenge> challenges) throws CertloomException {
            for (Challenge challenge : challenges) {
                Path file = folder.resolve(http01(challenge).token());
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new PluginException("The probe plugin could not remove " + file
                            + " for " + challenge.identifier() + " because "
                            + e.getMessage() + "; delete it by hand.", null, e);
                }
            }
        }

        // The Authentication contract promises only the types challengeTypes() names;
        // a core that breaks it gets a clear error instead of a ClassCastException.
        private static Http01Challenge http01(Challenge challenge) throws PluginException {
            if (challenge instanceof Http01Challenge http) {
                return http;
            }
            throw new PluginException("The probe plugin cannot satisfy the "
                    + challenge.type() + " challenge for " + challenge.identifier()
                    + " because it only publishes HTTP-01 responses.");
        }
    }
}
