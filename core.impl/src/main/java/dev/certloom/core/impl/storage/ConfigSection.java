package dev.certloom.core.impl.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A section of a ConfigObj file: its values, then its subsections, both in file order.
 * ConfigObj writes every value of a section before its first subsection, because a value
 * after a subsection's marker would belong to the subsection. Not thread-safe.
 */
final class ConfigSection {

    private final Map<String, ConfigValue> values = new LinkedHashMap<>();
    private final Map<String, ConfigSection> sections = new LinkedHashMap<>();

    /** Returns the values, in order; the map is live and modifiable. */
    Map<String, ConfigValue> values() {
        return values;
    }

    /** Returns the subsections, in order, read-only. */
    Map<String, ConfigSection> sections() {
        return Collections.unmodifiableMap(sections);
    }

    /** Returns the named subsection, creating an empty one at the end if missing. */
    ConfigSection section(String name) {
        return sections.computeIfAbsent(name, n -> new ConfigSection());
    }

    /** Adds or replaces the named subsection, keeping its place if it existed. */
    void putSection(String name, ConfigSection section) {
        sections.put(name, section);
    }

    /** Removes the named subsection, if present. */
    void removeSection(String name) {
        sections.remove(name);
    }

    /** Returns a deep copy. */
    ConfigSection copy() {
        ConfigSection copy = new ConfigSection();
        copy.values.putAll(values);
        sections.forEach((name, section) -> copy.sections.put(name, section.copy()));
        return copy;
    }
}
