package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A renewal configuration as certbot writes it ({@code renewal/<name>.conf}): keys before
 * the first section, then sections such as {@code [renewalparams]}; {@code key = value}
 * lines, {@code #} comments.
 *
 * @param sections every section's keys by section name; {@code ""} holds the keys before
 *                 the first section
 */
record RenewalConfig(Map<String, Map<String, String>> sections) {

    /** Name of the section with the options that renewal repeats. */
    static final String RENEWAL_PARAMS = "renewalparams";

    /** Reads {@code file}, failing the test with its path when it is unreadable. */
    static RenewalConfig read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Parses the text of a renewal configuration.
     *
     * @throws IllegalArgumentException naming the line that is neither a key, a section
     *                                  nor a comment
     */
    static RenewalConfig parse(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        sections.put("", current);
        String[] lines = text.split("\\R");
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new LinkedHashMap<>();
                sections.put(line.substring(1, line.length() - 1).strip(), current);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Line " + number
                        + " is not 'key = value': " + line);
            }
            current.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return new RenewalConfig(sections);
    }

    /** Returns the keys before the first section. */
    Map<String, String> top() {
        return sections.get("");
    }

    /** Returns the keys of {@code [renewalparams]}; empty when there is no such section. */
    Map<String, String> renewalParams() {
        return sections.getOrDefault(RENEWAL_PARAMS, Map.of());
    }
}
