package dev.certloom.core.impl.storage;

import java.util.List;

/**
 * One value of a ConfigObj file: a single string, or a list of strings. ConfigObj tells
 * them apart by commas: {@code a, b} and {@code a,} are lists, {@code a} is a string.
 *
 * @param items the string (one item) or the list's items, never {@code null}
 * @param list  whether the value is written and read as a list
 */
record ConfigValue(List<String> items, boolean list) {

    ConfigValue {
        items = List.copyOf(items);
        if (!list && items.size() != 1) {
            throw new IllegalArgumentException("A single value has exactly one item");
        }
    }

    /** Returns a single string value. */
    static ConfigValue of(String value) {
        return new ConfigValue(List.of(value), false);
    }

    /** Returns a list value, even of one or no items. */
    static ConfigValue ofList(List<String> items) {
        return new ConfigValue(items, true);
    }

    /** Returns the single value, or the items of a list joined by {@code ", "}. */
    String asString() {
        return String.join(", ", items);
    }
}
