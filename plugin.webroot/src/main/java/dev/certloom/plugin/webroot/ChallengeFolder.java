package dev.certloom.plugin.webroot;

import dev.certloom.api.PluginException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder {@code <webroot>/.well-known/acme-challenge} of one webroot and the challenge
 * files one run writes into it (RFC 8555 section 8.3).
 *
 * <p>Below the webroot every step goes through a handle on the folder above, opened
 * without following symbolic links, so a link planted in the webroot can redirect
 * neither a write nor a removal, even one that appears while Certloom works. The folder
 * remembers which of {@code .well-known} and {@code acme-challenge} it created and which
 * files it wrote, and removes exactly those. Needs a system whose directory streams are
 * {@link SecureDirectoryStream}s, as on Linux. Used from one thread.
 */
final class ChallengeFolder implements AutoCloseable {

    static final String WELL_KNOWN = ".well-known";
    static final String ACME_CHALLENGE = "acme-challenge";

    private static final Logger LOG = LoggerFactory.getLogger(ChallengeFolder.class);

    // RFC 8555 section 8.3: a token is base64url text. Anything else could name a file
    // outside the challenge folder, so it never reaches the file system.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<PosixFilePermission> FOLDER_MODE =
            PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE_MODE =
            PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<OpenOption> CREATE_FILE = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private final Path webroot;
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<String, Written> written = new LinkedHashMap<>();
    private SecureDirectoryStream<Path> root;
    private Opened wellKnown;
    private Opened challenges;

    /** A folder below the webroot held open, its identity, and whether this run made it. */
    private record Opened(SecureDirectoryStream<Path> handle, Object key, boolean created) {
    }

    /** A challenge file this run wrote: for which name, and its identity on disk. */
    private record Written(String name, Object key) {
    }

    /** @param webroot the real path of an existing webroot */
    ChallengeFolder(Path webroot) {
        this.webroot = webroot;
    }

    /**
     * Checks, before any order is placed, that {@code .well-known} and
     * {@code acme-challenge} are each absent or a real folder.
     *
     * @param webroot the real path of the webroot
     * @param name    the name it serves, for the message
     * @throws PluginException when one of them is a symbolic link or not a folder
     */
    static void checkLayout(Path webroot, String name) throws PluginException {
        Path folder = webroot;
        for (String child : new String[] {WELL_KNOWN, ACME_CHALLENGE}) {
            folder = folder.resolve(child);
            try {
                requireRealFolder(Files.readAttributes(folder, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS), folder, name, webroot);
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                throw failure("Could not inspect " + folder + " for the HTTP-01 challenge of "
                        + name, e, webroot, name);
            }
        }
    }

    /**
     * Writes one challenge file, mode 0644, creating the folders above it (0755) when they
     * are missing.
     *
     * @param name    the name the challenge proves, for messages
     * @param token   the file name, which must be base64url text
     * @param content the key authorization, ASCII text
     * @throws PluginException when the token is not base64url, a folder or the file is a
     *                         symbolic link or otherwise in the way, or writing fails
     */
    void write(String name, String token, String content) throws PluginException {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new PluginException("Refusing the HTTP-01 token for " + name + " because it"
                    + " is not base64url text and could name a file outside " + folderPath()
                    + ".");
        }
        names.add(name);
        open(name);

        Path relative = webroot.getFileSystem().getPath(token);
        Path path = folderPath().resolve(token);
        try (SeekableByteChannel channel = challenges.handle().newByteChannel(relative,
                CREATE_FILE, PosixFilePermissions.asFileAttribute(FILE_MODE))) {
            // Recorded before the content, so that cleanup also removes a half-written file.
            Object key = attributes(challenges.handle(), relative)
                    .map(BasicFileAttributes::fileKey).orElse(null);
            written.put(token, new Written(name, key));
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            // Set on the created file itself: the umask must not narrow what the server reads.
            challenges.handle().getFileAttributeView(relative, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setPermissions(FILE_MODE);
        } catch (FileAlreadyExistsException e) {
            throw inTheWay(relative, path, name);
        } catch (IOException e) {
            throw failure("Could not write the HTTP-01 challenge file " + path + " for " + name,
                    e, webroot, name);
        }
        LOG.debug("Wrote {} for the HTTP-01 challenge of {}", path, name);
    }

    /**
     * Removes a challenge file this run wrote. A token it did not write, or a file that
     * has been replaced since, is left alone.
     *
     * @param token the token given to {@link #write}
     * @throws PluginException when the file is there but cannot be removed
     */
    void remove(String token) throws PluginException {
        Written file = written.remove(token);
        if (file == null) {
            return;
        }
        Path relative = webroot.getFileSystem().getPath(token);
        Path path = folderPath().resolve(token);
        try {
            Optional<BasicFileAttributes> now = attributes(challenges.handle(), relative);
            if (now.isPresent() && now.get().isRegularFile()
                    && Objects.equals(now.get().fileKey(), file.key())) {
                challenges.handle().deleteFile(relative);
                LOG.debug("Removed {}, the HTTP-01 challenge file of {}", path, file.name());
            } else if (now.isPresent()) {
                LOG.warn("Left {} in place for {} because another file replaced the one"
                        + " Certloom wrote; remove it if nothing needs it", path, file.name());
            }
        } catch (IOException e) {
            written.put(token, file);
            throw new PluginException("Could not remove the HTTP-01 challenge file " + path
                    + " of " + file.name() + " (" + reason(e) + "); remove it by hand.", null, e);
        }
    }

    /**
     * Removes the folders this run created, once every file it wrote is gone, and only
     * while they are empty: a folder that holds someone else's files stays. Never throws.
     */
    void removeCreatedFolders() {
        if (!written.isEmpty()) {
            return;
        }
        if (challenges != null) {
            closeQuietly(challenges.handle());
            if (challenges.created()) {
                removeFolder(wellKnown.handle(), folderPath(), challenges.key());
            }
            challenges = null;
        }
        if (wellKnown != null) {
            closeQuietly(wellKnown.handle());
            if (wellKnown.created()) {
                removeFolder(root, webroot.resolve(WELL_KNOWN), wellKnown.key());
            }
            wellKnown = null;
        }
        closeQuietly(root);
        root = null;
    }

    /** Releases the folder handles; removes nothing. Never throws. */
    @Override
    public void close() {
        if (challenges != null) {
            closeQuietly(challenges.handle());
        }
        if (wellKnown != null) {
            closeQuietly(wellKnown.handle());
        }
        closeQuietly(root);
    }

    private Path folderPath() {
        return webroot.resolve(WELL_KNOWN).resolve(ACME_CHALLENGE);
    }

    private void open(String name) throws PluginException {
        if (challenges != null) {
            return;
        }
        try {
            if (root == null) {
                root = secure(Files.newDirectoryStream(webroot), name);
            }
            if (wellKnown == null) {
                wellKnown = openOrCreate(root, webroot, WELL_KNOWN, name);
            }
            challenges = openOrCreate(wellKnown.handle(), webroot.resolve(WELL_KNOWN),
                    ACME_CHALLENGE, name);
        } catch (IOException e) {
            throw failure("Could not prepare " + folderPath() + " for the HTTP-01 challenge of "
                    + name, e, webroot, name);
        }
    }

    private SecureDirectoryStream<Path> secure(DirectoryStream<Path> stream, String name)
            throws IOException, PluginException {
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new PluginException("This system cannot open folders without following symbolic"
                + " links, which the webroot plugin needs to write the HTTP-01 challenge of "
                + name + " into " + webroot + " safely; use the standalone plugin instead.");
    }

    private Opened openOrCreate(SecureDirectoryStream<Path> parent, Path parentPath,
            String child, String name) throws IOException, PluginException {
        Path relative = webroot.getFileSystem().getPath(child);
        Path path = parentPath.resolve(child);
        boolean created = false;
        Optional<BasicFileAttributes> found = attributes(parent, relative);
        if (found.isEmpty()) {
            created = createFolder(path);
            found = attributes(parent, relative);
        }
        requireRealFolder(found.orElseThrow(() -> new NoSuchFileException(path.toString())),
                path, name, webroot);

        SecureDirectoryStream<Path> handle =
                parent.newDirectoryStream(relative, LinkOption.NOFOLLOW_LINKS);
        if (created) {
            // Set through the open handle: the umask cannot narrow it, no link can divert it.
            handle.getFileAttributeView(PosixFileAttributeView.class).setPermissions(FOLDER_MODE);
            LOG.debug("Created {} for the HTTP-01 challenge of {}", path, name);
        }
        Object key = handle.getFileAttributeView(BasicFileAttributeView.class)
                .readAttributes().fileKey();
        return new Opened(handle, key, created);
    }

    /** Creates a folder; returns false when someone else made it first, so it is not ours. */
    private static boolean createFolder(Path path) throws IOException {
        try {
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private void removeFolder(SecureDirectoryStream<Path> parent, Path path, Object key) {
        Path relative = path.getFileName();
        try {
            Optional<BasicFileAttributes> now = attributes(parent, relative);
            if (now.isPresent() && now.get().isDirectory()
                    && Objects.equals(now.get().fileKey(), key)) {
                parent.deleteDirectory(relative);
                LOG.debug("Removed the folder {} created for {}", path, names);
            }
        } catch (DirectoryNotEmptyException e) {
            LOG.info("Kept the folder {} created for {} because it now holds other files",
                    path, names);
        } catch (IOException e) {
            LOG.warn("Could not remove the folder {} created for {} ({}); remove it by hand",
                    path, names, reason(e));
        }
    }

    private static Optional<BasicFileAttributes> attributes(SecureDirectoryStream<Path> folder,
            Path child) throws IOException {
        try {
            return Optional.of(folder.getFileAttributeView(child, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private PluginException inTheWay(Path relative, Path path, String name) {
        boolean link;
        try {
            link = attributes(challenges.handle(), relative)
                    .map(BasicFileAttributes::isSymbolicLink).orElse(false);
        } catch (IOException e) {
            link = false;
        }
        String why = link ? " is a symbolic link, which could redirect the write; remove it"
                : " already exists, perhaps left by an interrupted run; remove it";
        return new PluginException("Could not write the HTTP-01 challenge file of " + name
                + " because " + path + why + " and try again.", hint(webroot, name), null);
    }

    private static void requireRealFolder(BasicFileAttributes attributes, Path path,
            String name, Path webroot) throws PluginException {
        String problem = attributes.isSymbolicLink()
                ? " because it is a symbolic link, which could redirect the write"
                : attributes.isDirectory() ? null : " because it is not a folder";
        if (problem != null) {
            throw new PluginException("Refusing to use " + path + " for the HTTP-01 challenge"
                    + " of " + name + problem + "; replace it with a real folder or remove it.",
                    hint(webroot, name), null);
        }
    }

    private static PluginException failure(String what, IOException e, Path webroot,
            String name) {
        return new PluginException(what + " (" + reason(e) + ").", hint(webroot, name), e);
    }

    private static String hint(Path webroot, String name) {
        return "Make sure that the web server serves files from " + webroot + " for " + name
                + " on port 80.";
    }

    /** The operating system's reason, without the path that the message already names. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private void closeQuietly(DirectoryStream<Path> handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (IOException e) {
            LOG.debug("Could not close a folder handle under {} for {}", webroot, names, e);
        }
    }
}
