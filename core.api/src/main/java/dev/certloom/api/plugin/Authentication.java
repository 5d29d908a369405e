package dev.certloom.api.plugin;

import dev.certloom.api.CertloomException;
import dev.certloom.api.challenge.Challenge;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The part of one run an {@link Authenticator} looks after. Used from one thread.
 */
@ConsumerType
public interface Authentication extends AutoCloseable {

    /**
     * Publishes every challenge and returns when the CA can see them.
     *
     * @param challenges one challenge per identifier, of types the plugin supports
     * @throws CertloomException when a challenge could not be published; the core still
     *                           calls {@link #cleanup}
     */
    void perform(List<Challenge> challenges) throws CertloomException;

    /**
     * Removes what {@link #perform} published, also after a failure and also for
     * challenges that were only partly published. Removes only what the plugin created.
     *
     * @param challenges the list given to {@code perform}
     * @throws CertloomException when something could not be removed
     */
    void cleanup(List<Challenge> challenges) throws CertloomException;

    /** Releases what {@link Authenticator#prepare} took. Never throws. */
    @Override
    default void close() {
    }
}
