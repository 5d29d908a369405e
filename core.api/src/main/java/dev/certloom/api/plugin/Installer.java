package dev.certloom.api.plugin;

import dev.certloom.api.CertloomException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Puts certificates into a server's configuration. Registered as an OSGi service with the
 * {@link CertloomPlugin} properties. Every change goes through a checkpoint so that a
 * failed run leaves the server as it was.
 *
 * <p>Implementations must be thread-safe; the core holds a lock on the server's
 * configuration folder around each {@link Installation}.
 */
@ConsumerType
public interface Installer {

    /** Returns the options this plugin accepts; the core turns them into flags. */
    default List<PluginOption> options() {
        return List.of();
    }

    /**
     * Reads the server's configuration and recovers from an interrupted earlier run.
     *
     * @param context the run
     * @return the installation of this run
     * @throws CertloomException when the configuration cannot be read or recovered
     */
    Installation prepare(PluginContext context) throws CertloomException;
}
