package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACME accounts in certbot's layout, so that certbot and Certloom share them:
 * {@code accounts/HOST[:PORT]/PATH/ID/} under the configuration folder, where HOST, PORT and
 * PATH come from the directory URL and ID is certbot's account id. Each account folder holds
 * {@code meta.json} (creation time and host), {@code regr.json} (the account URL, and the
 * contacts in {@code body}) and {@code private_key.json} (the key as a JWK, mode 0600). The
 * folders are mode 0700.
 *
 * <p>An account is saved key last, and {@link #find} skips a folder without all three
 * files, so an account half-written by a crash is never used. Thread-safe as far as the
 * file system is; callers hold the workspace's {@link DirectoryLocks} against other runs.
 */
public final class AccountStore {

    static final String META = "meta.json";
    static final String REGISTRATION = "regr.json";
    static final String PRIVATE_KEY = "private_key.json";

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);

    private final Workspace workspace;
    private final Clock clock;
    private final Supplier<String> hostName;

    /**
     * An ACME account as {@link AccountStore} keeps it, in certbot's layout.
     *
     * @param id       certbot's account id: the MD5 of the public key in PEM, in hexadecimal;
     *                 also the account's folder name
     * @param server   the ACME directory URL the account belongs to
     * @param keyPair  the account key (RFC 8555 section 7.3), private part included
     * @param location the account URL the CA returned at registration
     * @param contacts the contact URIs, such as {@code mailto:admin@example.org}; empty when
     *                 none were stored (certbot stores none)
     * @param created  when the account was stored, to the second
     */
    public record StoredAccount(String id, URI server, KeyPair keyPair, URI location,
            List<String> contacts, Instant created) {

        public StoredAccount {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(keyPair, "keyPair");
            Objects.requireNonNull(location, "location");
            contacts = List.copyOf(contacts);
            Objects.requireNonNull(created, "created");
        }
    }

    /**
     * @param workspace the folders to work in, not {@code null}
     */
    public AccountStore(Workspace workspace) {
        this(workspace, Clock.systemUTC(), AccountStore::localHostName);
    }

    AccountStore(Workspace workspace, Clock clock, Supplier<String> hostName) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hostName = Objects.requireNonNull(hostName, "hostName");
    }

    /**
     * Finds the stored account for a CA. When there are several, the first by id wins, so
     * the choice is stable. Incomplete or unreadable account folders are skipped with a
     * warning.
     *
     * @param server the ACME directory URL, not {@code null}
     * @return the account, or empty when none is stored for that URL
     * @throws StorageException when the URL cannot name a folder or the folder cannot be
     *                          listed
     */
    public Optional<StoredAccount> find(URI server) throws StorageException {
        Path serverFolder = serverFolder(server);
        if (!Files.isDirectory(serverFolder)) {
            return Optional.empty();
        }
        for (Path candidate : sortedFolders(serverFolder)) {
            Optional<StoredAccount> account = load(server, candidate);
            if (account.isPresent()) {
                LOG.debug("Using account {} of {} from {}", account.get().id(), server,
                        candidate);
                return account;
            }
        }
        return Optional.empty();
    }

    /**
     * Stores an account after its registration, replacing a stored one with the same key.
     * The three files are each written atomically, the key last.
     *
     * @param server   the ACME directory URL, not {@code null}
     * @param key      the account key pair, EC or RSA, not {@code null}
     * @param location the account URL the CA returned, not {@code null}
     * @param contacts the contact URIs, possibly empty
     * @return the account as stored
     * @throws StorageException when the key is neither EC nor RSA or a file cannot be written
     */
    public StoredAccount save(URI server, KeyPair key, URI location, List<String> contacts)
            throws StorageException {
        Path serverFolder = serverFolder(server);
        String id = AccountKeyJson.accountId(key.getPublic());
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String keyJson;
        try {
            keyJson = AccountKeyJson.toJson(key);
        } catch (IllegalArgumentException e) {
            throw new StorageException("Cannot store the account for " + server + " because "
                    + e.getMessage() + "; use an EC or RSA key.", e);
        }

        Path folder = serverFolder.resolve(id);
        // The configuration folder is public; accounts/ and all below it are private.
        AtomicFiles.ensureDirectory(workspace.configDir(), AtomicFiles.PUBLIC_DIR);
        AtomicFiles.ensureDirectory(folder, AtomicFiles.PRIVATE_DIR);
        writeJson(folder.resolve(META), metaJson(created), AtomicFiles.PUBLIC_FILE);
        writeJson(folder.resolve(REGISTRATION), registrationJson(location, contacts),
                AtomicFiles.PUBLIC_FILE);
        writeJson(folder.resolve(PRIVATE_KEY), keyJson, AtomicFiles.PRIVATE_FILE);
        LOG.info("Saved account {} of {}", id, server);
        LOG.debug("Account {} of {} is in {}", id, server, folder);

        return new StoredAccount(id, server, key, location, contacts, created);
    }

    /**
     * Returns the folder that holds the accounts of a CA, as certbot names it: the URL's
     * authority followed by its path.
     *
     * @throws StorageException when the URL has no host or a path that climbs out
     */
    Path serverFolder(URI server) throws StorageException {
        String authority = server.getRawAuthority();
        String path = Objects.requireNonNullElse(server.getRawPath(), "");
        boolean climbs = List.of(path.split("/")).stream()
                .anyMatch(segment -> segment.equals("..") || segment.equals("."));
        if (authority == null || authority.isEmpty() || climbs || authority.contains("/")) {
            throw new StorageException("Cannot store accounts for the ACME server " + server
                    + " because its URL has no host or has '.' or '..' in its path; give the "
                    + "directory URL, such as https://acme.example.org/directory.");
        }
        // The URL's path keeps its slashes: each segment becomes a folder, as in certbot.
        return workspace.accounts().resolve(authority + path).normalize();
    }

    private Optional<StoredAccount> load(URI server, Path folder) {
        for (String name : List.of(PRIVATE_KEY, REGISTRATION, META)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                LOG.warn("Skipping the account folder {} of {}: it has no {}; delete it if no "
                        + "run is saving an account right now", folder, server, name);
                return Optional.empty();
            }
        }
        try {
            KeyPair keyPair = readKey(folder.resolve(PRIVATE_KEY));
            Map<String, Object> registration = readJson(folder.resolve(REGISTRATION));
            Map<String, Object> meta = readJson(folder.resolve(META));
            return Optional.of(new StoredAccount(folder.getFileName().toString(), server,
                    keyPair, location(registration), contacts(registration), created(meta)));
        } catch (UnreadableAccount e) {
            LOG.warn("Skipping the account folder {} of {}: {}; repair or delete it", folder,
                    server, e.getMessage());
            return Optional.empty();
        }
    }

    private static KeyPair readKey(Path file) throws UnreadableAccount {
        try {
            return AccountKeyJson.fromJson(Files.readString(file));
        } catch (IOException | JoseException | RuntimeException e) {
            // The exception's text might quote key material, so it stays out of the log.
            throw new UnreadableAccount(file.getFileName() + " holds no private EC or RSA JWK");
        }
    }

    private static Map<String, Object> readJson(Path file) throws UnreadableAccount {
        try {
            return JsonUtil.parseJson(Files.readString(file));
        } catch (IOException | JoseException | ClassCastException e) {
            throw new UnreadableAccount(file.getFileName() + " is not readable JSON ("
                    + e.getMessage() + ")");
        }
    }

    private static URI location(Map<String, Object> registration) throws UnreadableAccount {
        try {
            return new URI(text(registration, "uri", REGISTRATION));
        } catch (URISyntaxException e) {
            throw new UnreadableAccount(REGISTRATION + " has an invalid uri");
        }
    }

    private static List<String> contacts(Map<String, Object> registration) {
        Object body = registration.get("body");
        if (!(body instanceof Map<?, ?> map) || !(map.get("contact") instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private static Instant created(Map<String, Object> meta) throws UnreadableAccount {
        try {
            return OffsetDateTime.parse(text(meta, "creation_dt", META)).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableAccount(META + " has an invalid creation_dt");
        }
    }

    private static String text(Map<String, Object> json, String member, String file)
            throws UnreadableAccount {
        if (json.get(member) instanceof String value) {
            return value;
        }
        throw new UnreadableAccount(file + " has no " + member);
    }

    private String metaJson(Instant created) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("creation_dt", created.toString());
        meta.put("creation_host", hostName.get());
        return JsonUtil.toJson(meta);
    }

    private static String registrationJson(URI location, List<String> contacts) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!contacts.isEmpty()) {
            // RFC 8555 section 7.1.2 names the member "contact"; certbot reads it when there.
            body.put("contact", List.copyOf(contacts));
        }
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("body", body);
        registration.put("uri", location.toString());
        return JsonUtil.toJson(registration);
    }

    private static void writeJson(Path file, String json, Set<PosixFilePermission> mode)
            throws StorageException {
        AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static List<Path> sortedFolders(Path serverFolder) throws StorageException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(serverFolder,
                entry -> Files.isDirectory(entry)
                        && !entry.getFileName().toString().startsWith("."))) {
            entries.forEach(folders::add);
        } catch (IOException e) {
            throw new StorageException("Cannot list the accounts in " + serverFolder + " ("
                    + AtomicFiles.reason(e) + "); check the folder's rights.", e);
        }
        folders.sort(null);
        return folders;
    }

    private static String localHostName() {
        try {
            // certbot records the fully qualified name (Python's socket.getfqdn()).
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Why an account folder cannot be used, in words fit for the log. */
    private static final class UnreadableAccount extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableAccount(String message) {
            super(message);
        }
    }
}
