package dev.certloom.plugin.webroot;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.plugin.Authentication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the webroot plugin: writes each HTTP-01 challenge into the challenge folder
 * of its name's webroot, and takes away exactly what it wrote. Used from one thread.
 */
final class WebrootAuthentication implements Authentication {

    private static final Logger LOG = LoggerFactory.getLogger(WebrootAuthentication.class);

    private final Map<String, Path> webroots;
    private final Map<Path, ChallengeFolder> folders = new LinkedHashMap<>();

    /** @param webroots the real webroot of each name of the run, by identifier value */
    WebrootAuthentication(Map<String, Path> webroots) {
        this.webroots = Map.copyOf(webroots);
    }

    /**
     * {@inheritDoc}
     *
     * @throws PluginException when a challenge is not HTTP-01, its name has no webroot, or
     *                         its file cannot be written safely
     */
    @Override
    public void perform(List<Challenge> challenges) throws PluginException {
        for (Challenge challenge : challenges) {
            Http01Challenge http = http01(challenge);
            String name = http.identifier().value();
            Path webroot = webroots.get(name);
            if (webroot == null) {
                throw new PluginException("The webroot plugin was asked to publish a challenge"
                        + " for " + name + ", which is not among the names it prepared.");
            }
            folders.computeIfAbsent(webroot, ChallengeFolder::new)
                    .write(name, http.token(), http.content());
            LOG.info("Placed the HTTP-01 challenge of {} in the webroot {}", name, webroot);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every file is attempted even when one fails; the folders this run created go only
     * once their files are gone and nothing else is in them.
     *
     * @throws PluginException for the first file that could not be removed; the others
     *                         are attached as suppressed exceptions
     */
    @Override
    public void cleanup(List<Challenge> challenges) throws PluginException {
        PluginException failure = null;
        for (Challenge challenge : challenges) {
            if (!(challenge instanceof Http01Challenge http)) {
                continue;
            }
            ChallengeFolder folder = folders.get(webroots.get(http.identifier().value()));
            try {
                if (folder != null) {
                    folder.remove(http.token());
                }
            } catch (PluginException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        folders.values().forEach(ChallengeFolder::removeCreatedFolders);
        if (failure != null) {
            throw failure;
        }
    }

    /** Releases the folder handles; removes nothing. Never throws. */
    @Override
    public void close() {
        folders.values().forEach(ChallengeFolder::close);
        folders.clear();
    }

    private static Http01Challenge http01(Challenge challenge) throws PluginException {
        if (challenge instanceof Http01Challenge http) {
            return http;
        }
        throw new PluginException("The webroot plugin cannot publish the " + challenge.type()
                + " challenge of " + challenge.identifier() + "; it only does http-01.");
    }
}
