package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files, folders and symbolic links so that a crash at any moment leaves either the
 * old or the new state, never a mix, and so that a private file is never readable by others,
 * not even for an instant and not even under a umask of 000.
 *
 * <p>Every temporary name starts with a dot and ends with {@code .tmp}, so that neither
 * certbot's {@code renewal/*.conf} glob nor Certloom's listing ever sees one. Thread-safe:
 * it keeps no state.
 */
public final class AtomicFiles {

    /** Mode 0600, for private keys. */
    public static final Set<PosixFilePermission> PRIVATE_FILE =
            PosixFilePermissions.fromString("rw-------");
    /** Mode 0700, for folders that hold private keys. */
    public static final Set<PosixFilePermission> PRIVATE_DIR =
            PosixFilePermissions.fromString("rwx------");
    /** Mode 0644, for certificates and configuration. */
    public static final Set<PosixFilePermission> PUBLIC_FILE =
            PosixFilePermissions.fromString("rw-r--r--");
    /** Mode 0755, for folders anyone may list. */
    public static final Set<PosixFilePermission> PUBLIC_DIR =
            PosixFilePermissions.fromString("rwxr-xr-x");

    private AtomicFiles() {
    }

    /**
     * Replaces a file's content atomically: a temporary file in the same folder is created
     * with {@code mode} from the start, filled, flushed to the disk, renamed over
     * {@code file}, and the folder is flushed so that the rename survives a power loss.
     * The folder must exist.
     *
     * @param file    the file to write, not {@code null}
     * @param content the complete new content, not {@code null}
     * @param mode    the file's permissions, not {@code null}
     * @throws StorageException when any step fails; the temporary file is then removed and
     *                          {@code file} keeps its previous content
     */
    public static void write(Path file, byte[] content, Set<PosixFilePermission> mode)
            throws StorageException {
        Path folder = parentOf(file);
        Path temporary = null;
        try {
            // Created with O_EXCL and the mode, so no other user can open it in between.
            temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(mode));
            // The umask may have removed bits at creation; set the exact mode again.
            Files.setPosixFilePermissions(temporary, mode);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            syncFolder(folder);
        } catch (IOException e) {
            throw new StorageException("Cannot write the file " + file + " (" + reason(e)
                    + "); check that its folder exists, is writable and the disk is not full.",
                    e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Creates a folder and whichever of its parents are missing, each with {@code mode} set
     * explicitly so that the umask has no say. A folder that exists already keeps its mode:
     * it is never loosened (nor changed at all, because an administrator may have opened it
     * to a group on purpose).
     *
     * @param dir  the folder, not {@code null}
     * @param mode the permissions of every folder created, not {@code null}
     * @throws StorageException when a folder cannot be created or a file is in the way
     */
    public static void ensureDirectory(Path dir, Set<PosixFilePermission> mode)
            throws StorageException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path current = dir.toAbsolutePath().normalize(); current != null
                && !Files.isDirectory(current); current = current.getParent()) {
            missing.push(current);
        }
        for (Path folder : missing) {
            createOneDirectory(folder, mode);
        }
    }

    /**
     * Points a symbolic link at {@code target} atomically: a new link is made under a
     * temporary name in the same folder and renamed over {@code link}, so a reader always
     * finds either the old or the new target. The folder must exist.
     *
     * @param link   the link to create or replace, not {@code null}
     * @param target what the link points to, stored as given (relative stays relative)
     * @throws StorageException when the link cannot be made; {@code link} is then unchanged
     */
    public static void replaceSymlink(Path link, Path target) throws StorageException {
        Path folder = parentOf(link);
        Path temporary = null;
        try {
            temporary = createTemporaryLink(folder, link.getFileName().toString(), target);
            Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            syncFolder(folder);
        } catch (IOException e) {
            throw new StorageException("Cannot point the link " + link + " at " + target
                    + " (" + reason(e) + "); check that its folder is writable.", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static Path createTemporaryLink(Path folder, String name, Path target)
            throws IOException {
        while (true) {
            Path candidate = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
            try {
                return Files.createSymbolicLink(candidate, target);
            } catch (FileAlreadyExistsException e) {
                // A random name clashed; the loop draws another one.
            }
        }
    }

    private static void createOneDirectory(Path folder, Set<PosixFilePermission> mode)
            throws StorageException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(mode));
            Files.setPosixFilePermissions(folder, mode);
        } catch (FileAlreadyExistsException e) {
            // Another process made it in the meantime; fine if it is a folder.
            if (!Files.isDirectory(folder)) {
                throw new StorageException("Cannot create the folder " + folder
                        + " because a file of that name is in the way; move the file away.", e);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create the folder " + folder + " ("
                    + reason(e) + "); check the rights on its parent folder.", e);
        }
    }

    /**
     * Flushes a folder's entries to the disk, so that a rename or a new link in it survives a
     * crash of the machine.
     */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Deletes a file or link if it exists, ignoring failures: used to tidy up after a
     * failure that is already being reported.
     */
    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The original failure matters more; a stray temporary name is harmless.
        }
    }

    /** Returns whether something, even a dangling link, is at {@code path}. */
    static boolean occupied(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    static String reason(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + message;
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("A file needs a folder: " + file);
        }
        return parent;
    }
}
