package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive locks on the folders a run works in, compatible with certbot's: each folder gets
 * a {@code .certbot.lock} file holding a POSIX record lock ({@code fcntl}, which is what
 * {@link FileChannel#tryLock()} takes on Linux and what certbot's {@code lockf} takes), so
 * Certloom and certbot keep each other out. A record lock belongs to its process and
 * vanishes when the process dies, so a lock file left behind never blocks anyone.
 *
 * <p>The lock file is not deleted on {@link #close()}. certbot deletes its lock file before
 * releasing it, which is only safe because every certbot checks, after locking, that the
 * path still names the file it locked. Deleting would open a race with any locker that
 * does not re-check: it may have opened the old file just before the delete, lock it after
 * the release and believe it holds a lock that a third process, creating a fresh file, holds
 * as well. Leaving the file in place has no such race. Because certbot does delete the file,
 * {@link #acquire} makes the same check after locking and starts over when the file it
 * locked is no longer the one at the path.
 *
 * <p>POSIX drops every lock a process holds on a file when the process closes any
 * descriptor of that file, and the JVM is one process. So a lock held by this JVM is
 * recognized before a second descriptor is opened; a second {@code acquire} in the same JVM
 * fails like one from another process. Instances are not thread-safe; {@code acquire} is.
 */
public final class DirectoryLocks implements AutoCloseable {

    /** The lock file's name, certbot's. */
    public static final String LOCK_FILE = ".certbot.lock";

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLocks.class);
    private static final int ATTEMPTS = 10;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final List<Held> held;

    private record Held(Path lockFile, FileChannel channel, FileLock lock) {
    }

    private DirectoryLocks(List<Held> held) {
        this.held = held;
    }

    /**
     * Locks each folder, in the order given, without waiting. A missing folder is created
     * with mode 0755 first.
     *
     * @param folders the folders to lock, not {@code null}; duplicates are locked once
     * @return the held locks, to be closed when the run ends
     * @throws StorageException when a folder is locked by another process or by this JVM
     *                          (nothing stays locked then), or cannot be created or opened
     */
    public static DirectoryLocks acquire(List<Path> folders) throws StorageException {
        List<Held> taken = new ArrayList<>();
        try {
            for (Path folder : folders) {
                Path lockFile = lockFileOf(folder);
                if (taken.stream().noneMatch(h -> h.lockFile().equals(lockFile))) {
                    taken.add(lockOne(folder, lockFile));
                }
            }
        } catch (StorageException | RuntimeException e) {
            releaseAll(taken);
            throw e;
        }
        return new DirectoryLocks(taken);
    }

    /** Returns the lock files held, in the order they were taken. */
    public List<Path> lockFiles() {
        return held.stream().map(Held::lockFile).toList();
    }

    /**
     * Releases every lock, last taken first. The lock files stay (see the class comment).
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        releaseAll(held);
        held.clear();
    }

    private static Path lockFileOf(Path folder) throws StorageException {
        AtomicFiles.ensureDirectory(folder, AtomicFiles.PUBLIC_DIR);
        try {
            // The real path, so that two spellings of one folder meet in HELD_IN_THIS_JVM.
            return folder.toRealPath().resolve(LOCK_FILE);
        } catch (IOException e) {
            throw new StorageException("Cannot resolve the folder " + folder + " ("
                    + AtomicFiles.reason(e) + "); check that it is accessible.", e);
        }
    }

    private static Held lockOne(Path folder, Path lockFile) throws StorageException {
        if (!HELD_IN_THIS_JVM.add(lockFile)) {
            throw locked(folder, null);
        }
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Held held = tryLock(folder, lockFile);
                if (held != null) {
                    LOG.debug("Locked {}", lockFile);
                    return held;
                }
            }
        } catch (StorageException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(lockFile);
            throw e;
        }
        HELD_IN_THIS_JVM.remove(lockFile);
        throw new StorageException("Cannot lock the folder " + folder + " because its "
                + LOCK_FILE + " keeps being replaced by another process; try again later.");
    }

    /**
     * Makes one attempt: returns the held lock, or {@code null} when the file at the path
     * changed while locking (certbot deleted or replaced it) and the caller should retry.
     */
    private static Held tryLock(Path folder, Path lockFile) throws StorageException {
        FileChannel channel = null;
        try {
            Object before = createAndIdentify(lockFile);
            channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(folder, null);
            }
            // certbot deletes its lock file before releasing it: make sure the file we
            // locked is still the one the path names, or a newcomer could lock another.
            if (!before.equals(identify(lockFile))) {
                lock.release();
                closeQuietly(channel);
                return null;
            }
            return new Held(lockFile, channel, lock);
        } catch (NoSuchFileException e) {
            closeQuietly(channel);
            return null;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw locked(folder, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("Cannot lock the folder " + folder + " through "
                    + lockFile + " (" + AtomicFiles.reason(e) + "); check that it is writable.",
                    e);
        } catch (StorageException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Object createAndIdentify(Path lockFile) throws IOException {
        try {
            Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(
                    AtomicFiles.PRIVATE_FILE));
        } catch (FileAlreadyExistsException e) {
            // A lock file left by an earlier run, or held right now: both are expected.
            LOG.debug("Reusing the lock file {}", lockFile);
        }
        return identify(lockFile);
    }

    private static Object identify(Path lockFile) throws IOException {
        Object key = Files.readAttributes(lockFile, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).fileKey();
        // Linux always has a file key (device and inode); without one nothing can be compared.
        return Objects.requireNonNull(key, "file key of " + lockFile);
    }

    private static StorageException locked(Path folder, Throwable cause) {
        return new StorageException("Another instance of Certbot or Certloom is already "
                + "running: the folder " + folder + " is locked (" + LOCK_FILE + ").", cause);
    }

    private static void releaseAll(List<Held> taken) {
        List<Held> reversed = new ArrayList<>(taken);
        Collections.reverse(reversed);
        for (Held each : reversed) {
            try {
                each.lock().release();
            } catch (IOException e) {
                LOG.debug("Releasing {} failed; closing its channel releases it", each.lockFile(),
                        e);
            }
            closeQuietly(each.channel());
            HELD_IN_THIS_JVM.remove(each.lockFile());
            LOG.debug("Unlocked {}", each.lockFile());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a lock file failed", e);
        }
    }
}
