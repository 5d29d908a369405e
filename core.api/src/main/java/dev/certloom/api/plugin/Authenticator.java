package dev.certloom.api.plugin;

import dev.certloom.api.CertloomException;
import dev.certloom.api.challenge.ChallengeType;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Proves control of names to a certificate authority by publishing challenges.
 * Registered as an OSGi service with the {@link CertloomPlugin} properties.
 *
 * <p>Call order for one certificate: {@link #prepare} once, before the core sends any
 * request to the CA; then on the returned {@link Authentication}, {@code perform} with
 * every challenge of the order at once, {@code cleanup} with the same list (also when
 * {@code perform} or the validation failed), and {@code close}. Implementations must be
 * thread-safe: several runs may prepare at the same time.
 */
@ConsumerType
public interface Authenticator {

    /** Returns the validation methods this plugin can satisfy, never empty. */
    Set<ChallengeType> challengeTypes();

    /** Returns the options this plugin accepts; the core turns them into flags. */
    default List<PluginOption> options() {
        return List.of();
    }

    /**
     * Checks the options and takes what the run needs (a port, a folder) so that a
     * problem is reported before any order is placed.
     *
     * @param context the run
     * @return the authentication of this run
     * @throws CertloomException when the options are wrong or a resource is unavailable
     */
    Authentication prepare(PluginContext context) throws CertloomException;

    /**
     * Names that the options themselves request, such as the keys of certbot's
     * {@code --webroot-map}; the core adds them to the {@code -d} names.
     *
     * @param options the values of this plugin's options
     * @return ASCII or Unicode names, possibly empty
     */
    default List<String> impliedNames(OptionValues options) {
        return List.of();
    }
}
