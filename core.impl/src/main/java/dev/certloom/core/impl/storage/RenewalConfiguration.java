package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lineage's renewal configuration, certbot's {@code renewal/NAME.conf}: top-level keys
 * ({@code version}, {@code archive_dir}, the four {@code live/} paths), the
 * {@code [renewalparams]} section with the choices to repeat at renewal, and its
 * subsections such as {@code [[webroot_map]]}. Sections and keys it does not know are kept
 * and written back unchanged; comments are not kept.
 *
 * <p>Not thread-safe. Getters never return {@code null}.
 */
public final class RenewalConfiguration {

    /** The version written, certbot's: certbot warns about files of a newer version. */
    public static final String VERSION = "2.1.0";
    /** Top-level key: the version of the program that wrote the file. */
    public static final String KEY_VERSION = "version";
    /** Top-level key: the lineage's folder under {@code archive/}, absolute. */
    public static final String KEY_ARCHIVE_DIR = "archive_dir";
    /** Top-level key: the {@code cert.pem} link, absolute. */
    public static final String KEY_CERT = "cert";
    /** Top-level key: the {@code privkey.pem} link, absolute. */
    public static final String KEY_PRIVKEY = "privkey";
    /** Top-level key: the {@code chain.pem} link, absolute. */
    public static final String KEY_CHAIN = "chain";
    /** Top-level key: the {@code fullchain.pem} link, absolute. */
    public static final String KEY_FULLCHAIN = "fullchain";
    /** The section holding the renewal parameters. */
    public static final String RENEWAL_PARAMS = "renewalparams";
    private static final List<String> INITIAL_COMMENTS = List.of(
            "Written by Certloom in certbot's format; certbot reads and renews it too.",
            "renew_before_expiry = 30 days");
    private static final Map<String, String> SECTION_COMMENTS =
            Map.of(RENEWAL_PARAMS, "Options used in the renewal process");

    private final ConfigSection root;

    /** Creates an empty configuration with an empty {@code [renewalparams]} section. */
    public RenewalConfiguration() {
        this(new ConfigSection());
    }

    private RenewalConfiguration(ConfigSection root) {
        this.root = root;
        root.section(RENEWAL_PARAMS);
    }

    /**
     * Reads a renewal configuration file as certbot 2.1 writes it, comments and quotes
     * included.
     *
     * @param file the {@code .conf} file, not {@code null}
     * @return the configuration
     * @throws StorageException when the file cannot be read, or is not valid; the message
     *                          lists every problem found with its line
     */
    public static RenewalConfiguration read(Path file) throws StorageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new StorageException("The renewal configuration " + file + " is not valid "
                    + "UTF-8; save it as UTF-8 or delete the lineage.", e);
        } catch (IOException e) {
            throw new StorageException("Cannot read the renewal configuration " + file + " ("
                    + AtomicFiles.reason(e) + ").", e);
        }
        ConfigObjReader.Result result = ConfigObjReader.read(lines);
        if (!result.problems().isEmpty()) {
            throw new StorageException("The renewal configuration " + file + " is not valid ("
                    + String.join("; ", result.problems()) + "); correct those lines or "
                    + "delete the lineage.");
        }
        return new RenewalConfiguration(result.root());
    }

    /**
     * Writes the file atomically, mode 0644, with {@link #VERSION} as its version and a
     * first comment saying Certloom wrote it. The folder must exist.
     *
     * @param file the {@code .conf} file, not {@code null}
     * @throws StorageException when a value cannot be written in ConfigObj syntax or the
     *                          file cannot be written; an existing file is then unchanged
     */
    public void write(Path file) throws StorageException {
        ConfigSection out = new ConfigSection();
        out.values().put(KEY_VERSION, ConfigValue.of(VERSION));
        root.values().forEach(out.values()::putIfAbsent);
        root.sections().forEach((name, section) -> out.putSection(name, section.copy()));
        String text;
        try {
            text = ConfigObjWriter.render(out, INITIAL_COMMENTS, SECTION_COMMENTS);
        } catch (IllegalArgumentException e) {
            throw new StorageException("Cannot write the renewal configuration " + file
                    + " because " + e.getMessage() + ".", e);
        }
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), AtomicFiles.PUBLIC_FILE);
    }

    /** Returns a top-level value; a list comes back as its items joined by {@code ", "}. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(root.values().get(key)).map(ConfigValue::asString);
    }

    /** Sets a top-level string value, such as {@link #KEY_CERT}. */
    public void set(String key, String value) {
        root.values().put(key, ConfigValue.of(value));
    }

    /**
     * Returns a renewal parameter. A list comes back as its items joined by {@code ", "};
     * use {@link #paramList} for lists.
     */
    public Optional<String> param(String key) {
        return Optional.ofNullable(params().values().get(key)).map(ConfigValue::asString);
    }

    /**
     * Returns a renewal parameter as a list. A single string comes back as a list of one,
     * as certbot reads a list whose trailing comma a person removed.
     */
    public Optional<List<String>> paramList(String key) {
        return Optional.ofNullable(params().values().get(key)).map(ConfigValue::items);
    }

    /** Returns whether a renewal parameter is stored as a list. */
    public boolean isList(String key) {
        ConfigValue value = params().values().get(key);
        return value != null && value.list();
    }

    /** Sets a renewal parameter to a single string. */
    public void setParam(String key, String value) {
        params().values().put(key, ConfigValue.of(value));
    }

    /** Sets a renewal parameter to a list, written the certbot way ({@code a, b} or {@code a,}). */
    public void setParamList(String key, List<String> values) {
        params().values().put(key, ConfigValue.ofList(values));
    }

    /** Removes a renewal parameter, if present. */
    public void removeParam(String key) {
        params().values().remove(key);
    }

    /** Returns the names of the renewal parameters, in file order. */
    public List<String> paramNames() {
        return List.copyOf(params().values().keySet());
    }

    /**
     * Returns a subsection of {@code [renewalparams]}, such as {@code webroot_map}, as an
     * ordered read-only map; empty when absent. List values come back joined by
     * {@code ", "}.
     */
    public Map<String, String> subsection(String name) {
        Map<String, String> copy = new LinkedHashMap<>();
        ConfigSection section = params().sections().get(name);
        if (section != null) {
            section.values().forEach((key, value) -> copy.put(key, value.asString()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Replaces a subsection of {@code [renewalparams]} with string values, in map order. */
    public void setSubsection(String name, Map<String, String> values) {
        params().removeSection(name);
        ConfigSection section = params().section(name);
        values.forEach((key, value) -> section.values().put(key, ConfigValue.of(value)));
    }

    /** Removes a subsection of {@code [renewalparams]}, if present. */
    public void removeSubsection(String name) {
        params().removeSection(name);
    }

    /** Returns the names of the subsections of {@code [renewalparams]}, in file order. */
    public List<String> subsectionNames() {
        return List.copyOf(params().sections().keySet());
    }

    private ConfigSection params() {
        return root.section(RENEWAL_PARAMS);
    }
}
