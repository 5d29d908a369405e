package dev.certloom.api.plugin;

import dev.certloom.api.CertloomException;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The changes one run makes to a server's configuration. Used from one thread. The core
 * calls {@link #deploy} and {@link #enhance} as needed, then {@link #testConfiguration},
 * {@link #save} and {@link #reload}; on any failure {@link #rollback}.
 */
@ConsumerType
public interface Installation extends AutoCloseable {

    /** Returns the names the server's configuration already serves. */
    Set<String> servedNames() throws CertloomException;

    /**
     * Configures the server to present a certificate for a name.
     *
     * @param name  the ASCII name whose site gets the certificate
     * @param files the lineage's stable paths
     * @throws CertloomException when no site serves the name or the change fails
     */
    void deploy(String name, CertificateFiles files) throws CertloomException;

    /** Returns the enhancements this installer can apply. */
    Set<Enhancement> supportedEnhancements();

    /**
     * Applies an enhancement to the site that serves a name.
     *
     * @throws CertloomException when the enhancement cannot be applied
     */
    void enhance(String name, Enhancement enhancement) throws CertloomException;

    /** Checks the changed configuration with the server's own test. */
    void testConfiguration() throws CertloomException;

    /**
     * Makes the changes permanent as a checkpoint with a title.
     *
     * @throws CertloomException when the checkpoint cannot be written
     */
    void save(String title) throws CertloomException;

    /** Undoes every change of this run that was not saved. */
    void rollback() throws CertloomException;

    /** Reloads the server so that it uses the new configuration. */
    void reload() throws CertloomException;

    /** Releases the configuration. Never throws. */
    @Override
    default void close() {
    }
}
