package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * The three folders a command works in, certbot's {@code --config-dir}, {@code --work-dir}
 * and {@code --logs-dir}. Paths are absolute and normalized.
 *
 * @param configDir where live, archive, renewal and accounts are kept
 * @param workDir   where temporary files of a run go
 * @param logsDir   where the log file goes
 */
public record Workspace(Path configDir, Path workDir, Path logsDir) {

    /** certbot's default configuration folder. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/letsencrypt");
    /** certbot's default work folder. */
    public static final Path DEFAULT_WORK = Path.of("/var/lib/letsencrypt");
    /** certbot's default logs folder. */
    public static final Path DEFAULT_LOGS = Path.of("/var/log/letsencrypt");

    public Workspace {
        configDir = Objects.requireNonNull(configDir, "configDir").toAbsolutePath().normalize();
        workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
        logsDir = Objects.requireNonNull(logsDir, "logsDir").toAbsolutePath().normalize();
    }

    /**
     * Creates whichever of the three folders are missing, mode 0755 as certbot makes them.
     * Existing folders keep their mode.
     *
     * @throws StorageException when a folder cannot be created, naming it
     */
    public void ensureExists() throws StorageException {
        for (Path folder : folders()) {
            if (Files.isDirectory(folder)) {
                continue;
            }
            try {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new StorageException("Cannot create the folder " + folder + " ("
                        + e.getMessage() + "); choose another with --config-dir, --work-dir "
                        + "or --logs-dir, or run with the rights to create it.", e);
            }
        }
    }

    /** Returns the folders in the order they are locked. */
    public List<Path> folders() {
        return List.of(configDir, workDir, logsDir);
    }

    /** Returns {@code live/NAME}. */
    public Path live(String lineage) {
        return configDir.resolve("live").resolve(lineage);
    }

    /** Returns {@code archive/NAME}. */
    public Path archive(String lineage) {
        return configDir.resolve("archive").resolve(lineage);
    }

    /** Returns {@code renewal/NAME.conf}. */
    public Path renewalConf(String lineage) {
        return configDir.resolve("renewal").resolve(lineage + ".conf");
    }

    /** Returns {@code accounts}. */
    public Path accounts() {
        return configDir.resolve("accounts");
    }
}
