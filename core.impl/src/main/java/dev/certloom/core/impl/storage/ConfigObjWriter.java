package dev.certloom.core.impl.storage;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ConfigSection} tree in ConfigObj syntax, quoting the way ConfigObj does so
 * that certbot reads back exactly the strings and lists written: a value is bare unless it
 * is empty, starts or ends with a blank or a quote, or holds a comma or {@code #}; then it
 * gets the double quote, or the single quote when it contains a double one. A value with a
 * line break, or with both quotes, gets triple quotes. A list of one ends with a comma, an
 * empty list is a lone comma. Stateless and thread-safe.
 */
final class ConfigObjWriter {

    private static final String BLANKS_AND_QUOTES = " \r\n\u000B\t'\"";

    private ConfigObjWriter() {
    }

    /**
     * Renders a whole file.
     *
     * @param root            the values and sections to write
     * @param initialComments lines written first, each prefixed with {@code "# "}
     * @param sectionComments for top-level sections, a comment written on the line before
     *                        the section marker, after a blank line
     * @return the text, with {@code \n} line ends and a final line end
     * @throws IllegalArgumentException when a key or value cannot be quoted (a line break
     *                                  in a key or list item, or all three quote forms)
     */
    static String render(ConfigSection root, List<String> initialComments,
            Map<String, String> sectionComments) {
        StringBuilder out = new StringBuilder();
        for (String comment : initialComments) {
            out.append("# ").append(comment).append('\n');
        }
        writeValues(out, root);
        root.sections().forEach((name, section) -> {
            out.append('\n');
            String comment = sectionComments.get(name);
            if (comment != null) {
                out.append("# ").append(comment).append('\n');
            }
            writeSection(out, name, section, 1);
        });
        return out.toString();
    }

    private static void writeSection(StringBuilder out, String name, ConfigSection section,
            int depth) {
        String marker = name.contains("]") || name.contains("[") || name.contains("#")
                || !name.equals(name.strip()) ? quote(name, false) : name;
        out.append("[".repeat(depth)).append(marker).append("]".repeat(depth)).append('\n');
        writeValues(out, section);
        section.sections().forEach((child, content) -> writeSection(out, child, content,
                depth + 1));
    }

    private static void writeValues(StringBuilder out, ConfigSection section) {
        section.values().forEach((key, value) -> out.append(key(key)).append(" = ")
                .append(value(value)).append('\n'));
    }

    private static String key(String key) {
        // ConfigObj splits a line at the first '=', and '[' would start a section marker.
        boolean quote = key.contains("=") || key.startsWith("[");
        return quote ? quote(key, false, true) : quote(key, false);
    }

    /** Returns a value as it appears after {@code "key = "}. */
    static String value(ConfigValue value) {
        if (!value.list()) {
            return quote(value.items().get(0), true);
        }
        List<String> items = value.items();
        if (items.isEmpty()) {
            return ",";
        }
        if (items.size() == 1) {
            return quote(items.get(0), false) + ",";
        }
        return String.join(", ", items.stream().map(item -> quote(item, false)).toList());
    }

    private static String quote(String text, boolean multiline) {
        return quote(text, multiline, false);
    }

    private static String quote(String text, boolean multiline, boolean force) {
        if (text.isEmpty()) {
            return "\"\"";
        }
        boolean bothQuotes = text.contains("'") && text.contains("\"");
        boolean lineBreak = text.contains("\n");
        if (bothQuotes || lineBreak) {
            if (!multiline) {
                throw new IllegalArgumentException("The text " + text + " cannot be quoted "
                        + "as a key or list item: it holds a line break or both quotes");
            }
            return tripleQuoted(text);
        }
        boolean needsQuotes = force || BLANKS_AND_QUOTES.indexOf(text.charAt(0)) >= 0
                || BLANKS_AND_QUOTES.indexOf(text.charAt(text.length() - 1)) >= 0
                || text.contains(",") || text.contains("#");
        if (!needsQuotes) {
            return text;
        }
        char quote = text.contains("\"") ? '\'' : '"';
        return quote + text + quote;
    }

    private static String tripleQuoted(String text) {
        if (!text.contains("'''")) {
            return "'''" + text + "'''";
        }
        if (!text.contains("\"\"\"")) {
            return "\"\"\"" + text + "\"\"\"";
        }
        throw new IllegalArgumentException("The text " + text + " holds both kinds of triple "
                + "quotes and cannot be written");
    }
}
