package dev.certloom.plugin.standalone;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.Authentication;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the standalone plugin: hands each challenge to the responder of its type,
 * whose server was bound in {@link StandaloneAuthenticator#prepare}. Used from one thread;
 * the responders answer from their own.
 */
final class StandaloneAuthentication implements Authentication {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneAuthentication.class);

    private final Map<ChallengeType, ChallengeResponder> responders =
            new EnumMap<>(ChallengeType.class);

    /** @param responders running responders, at most one per type; this closes them */
    StandaloneAuthentication(List<ChallengeResponder> responders) {
        responders.forEach(responder -> this.responders.put(responder.type(), responder));
    }

    /**
     * {@inheritDoc}
     *
     * @throws PluginException when no responder of this run answers a challenge's type
     */
    @Override
    public void perform(List<Challenge> challenges) throws PluginException {
        for (Challenge challenge : challenges) {
            ChallengeResponder responder = responders.get(challenge.type());
            if (responder == null) {
                throw unanswerable(challenge);
            }
            responder.publish(challenge);
            LOG.info("Answering the {} challenge of {} on port {}", challenge.type(),
                    challenge.identifier(), responder.port());
        }
    }

    private PluginException unanswerable(Challenge challenge) {
        String start = "The standalone plugin cannot answer the " + challenge.type()
                + " challenge of " + challenge.identifier();
        if (!StandaloneAuthenticator.TYPES.contains(challenge.type())) {
            return new PluginException(start + " because it answers only http-01 and"
                    + " tls-alpn-01; choose an authenticator that answers "
                    + challenge.type() + ".");
        }
        return new PluginException(start + " because this run answers only "
                + responders.keySet() + "; name " + challenge.type()
                + " in --preferred-challenges to answer it.");
    }

    @Override
    public void cleanup(List<Challenge> challenges) {
        for (Challenge challenge : challenges) {
            ChallengeResponder responder = responders.get(challenge.type());
            if (responder != null) {
                responder.withdraw(challenge);
            }
        }
    }

    /** Stops every responder and frees its port. Never throws. */
    @Override
    public void close() {
        responders.values().forEach(ChallengeResponder::close);
    }

    /**
     * Returns the port the responder of a type listens on.
     *
     * @throws IllegalArgumentException when this run has no responder of that type
     */
    int port(ChallengeType type) {
        ChallengeResponder responder = responders.get(type);
        if (responder == null) {
            throw new IllegalArgumentException("No responder for " + type);
        }
        return responder.port();
    }
}
