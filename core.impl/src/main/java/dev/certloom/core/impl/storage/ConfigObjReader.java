package dev.certloom.core.impl.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the subset of ConfigObj syntax that certbot's renewal configuration uses: comments
 * ({@code #} on a line of its own or after a value), {@code key = value} lines, values bare,
 * in single, double or triple quotes, comma-separated lists (a trailing comma makes a list
 * of one, a lone comma an empty list), and section markers whose bracket count is the
 * nesting depth ({@code [renewalparams]}, {@code [[webroot_map]]}). Indentation carries no
 * meaning. Interpolation ({@code %(name)s}) is not expanded: values are kept as written.
 *
 * <p>Every problem is collected with its line number instead of stopping at the first one.
 * One instance reads one text; not thread-safe.
 */
final class ConfigObjReader {

    private static final String[] TRIPLE_QUOTES = {"'''", "\"\"\""};

    private final List<String> lines;
    private final List<String> problems = new ArrayList<>();
    private final ConfigSection root = new ConfigSection();
    private final Deque<ConfigSection> stack = new ArrayDeque<>();
    private int index;

    /**
     * The outcome of reading.
     *
     * @param root     the values and sections that could be read
     * @param problems one entry per problem, {@code "line N: what"}, empty when the text is
     *                 valid
     */
    record Result(ConfigSection root, List<String> problems) {
    }

    private ConfigObjReader(List<String> lines) {
        this.lines = lines;
    }

    /**
     * Reads a whole file's lines.
     *
     * @param lines the lines without terminators, not {@code null}
     * @return what was read and what was wrong
     */
    static Result read(List<String> lines) {
        ConfigObjReader reader = new ConfigObjReader(lines);
        reader.readAll();
        return new Result(reader.root, List.copyOf(reader.problems));
    }

    private void readAll() {
        stack.push(root);
        for (index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (index == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[")) {
                readSectionMarker(text);
            } else {
                readKeyValue(text);
            }
        }
    }

    private void readSectionMarker(String text) {
        int pos = 0;
        int opening = 0;
        while (pos < text.length() && (text.charAt(pos) == '[' || text.charAt(pos) == ' ')) {
            opening += text.charAt(pos) == '[' ? 1 : 0;
            pos++;
        }
        String rest = stripComment(text.substring(pos));
        int closingStart = rest.indexOf(']');
        if (closingStart < 0) {
            problem("the section marker has no closing bracket");
            return;
        }
        String closing = rest.substring(closingStart).replace(" ", "");
        if (!closing.chars().allMatch(c -> c == ']')) {
            problem("unexpected text after the section marker");
            return;
        }
        if (closing.length() != opening) {
            problem("the section marker has " + opening + " opening and " + closing.length()
                    + " closing brackets");
            return;
        }
        openSection(unquoteName(rest.substring(0, closingStart).strip()), opening);
    }

    private void openSection(String name, int depth) {
        if (name.isEmpty()) {
            problem("the section has no name");
            return;
        }
        if (depth > stack.size()) {
            problem("the section [" + name + "] is nested deeper than the section it is in");
            // Keep reading into a detached section so that its keys raise no false alarms.
            stack.push(new ConfigSection());
            return;
        }
        while (stack.size() > depth) {
            stack.pop();
        }
        ConfigSection parent = stack.peek();
        if (parent.sections().containsKey(name)) {
            problem("the section [" + name + "] appears twice");
            stack.push(new ConfigSection());
            return;
        }
        stack.push(parent.section(name));
    }

    private void readKeyValue(String text) {
        int equals;
        String key;
        if (text.charAt(0) == '"' || text.charAt(0) == '\'') {
            int close = text.indexOf(text.charAt(0), 1);
            equals = close < 0 ? -1 : text.indexOf('=', close);
            boolean onlySpaces = equals > 0 && text.substring(close + 1, equals).isBlank();
            key = onlySpaces ? text.substring(1, close) : null;
        } else {
            equals = text.indexOf('=');
            key = equals < 0 ? null : text.substring(0, equals).strip();
        }
        if (key == null || key.isEmpty()) {
            problem("expected \"key = value\" or a [section] marker");
            return;
        }
        ConfigValue value = readValue(text.substring(equals + 1).strip());
        if (value == null) {
            return;
        }
        ConfigSection section = stack.peek();
        if (section.values().containsKey(key)) {
            problem("the key \"" + key + "\" appears twice in its section");
            return;
        }
        section.values().put(key, value);
    }

    private ConfigValue readValue(String text) {
        for (String triple : TRIPLE_QUOTES) {
            if (text.startsWith(triple)) {
                return readTripleQuoted(text.substring(3), triple);
            }
        }
        List<String> items = new ArrayList<>();
        boolean comma = false;
        int pos = skipSpaces(text, 0);
        while (pos < text.length() && text.charAt(pos) != '#') {
            int end = readItem(text, pos, items);
            if (end < 0) {
                return null;
            }
            pos = skipSpaces(text, end);
            if (pos < text.length() && text.charAt(pos) == ',') {
                comma = true;
                pos = skipSpaces(text, pos + 1);
            } else if (pos < text.length() && text.charAt(pos) != '#') {
                problem("unexpected text after a quoted value; quote the whole value");
                return null;
            }
        }
        if (comma) {
            return ConfigValue.ofList(items);
        }
        return ConfigValue.of(items.isEmpty() ? "" : items.get(0));
    }

    /**
     * Reads one bare or quoted item starting at {@code pos} into {@code items}; returns
     * where it ends, or -1 after recording a problem. A lone comma is the empty list.
     */
    private int readItem(String text, int pos, List<String> items) {
        char first = text.charAt(pos);
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, pos + 1);
            if (close < 0) {
                problem("a quoted value is missing its closing " + first);
                return -1;
            }
            items.add(text.substring(pos + 1, close));
            return close + 1;
        }
        if (first == ',') {
            boolean loneComma = items.isEmpty()
                    && stripComment(text.substring(pos + 1)).isBlank();
            if (!loneComma) {
                problem("a list has an empty item");
                return -1;
            }
            return pos;
        }
        int end = pos;
        while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '#') {
            end++;
        }
        items.add(text.substring(pos, end).strip());
        return end;
    }

    private ConfigValue readTripleQuoted(String afterOpening, String quote) {
        int close = afterOpening.indexOf(quote);
        if (close >= 0) {
            return tripleQuotedEnd(afterOpening.substring(0, close),
                    afterOpening.substring(close + 3));
        }
        StringBuilder value = new StringBuilder(afterOpening);
        int start = index;
        while (++index < lines.size()) {
            String line = lines.get(index);
            close = line.indexOf(quote);
            value.append('\n');
            if (close >= 0) {
                value.append(line, 0, close);
                return tripleQuotedEnd(value.toString(), line.substring(close + 3));
            }
            value.append(line);
        }
        index = start;
        problem("a value in triple quotes (" + quote + ") is never closed");
        index = lines.size();
        return null;
    }

    private ConfigValue tripleQuotedEnd(String value, String after) {
        if (!stripComment(after).isBlank()) {
            problem("unexpected text after a value in triple quotes");
            return null;
        }
        return ConfigValue.of(value);
    }

    private static String unquoteName(String name) {
        boolean quoted = name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '\'')
                && name.charAt(name.length() - 1) == name.charAt(0);
        return quoted ? name.substring(1, name.length() - 1).strip() : name;
    }

    private static String stripComment(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    private static int skipSpaces(String text, int pos) {
        int at = pos;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private void problem(String what) {
        problems.add("line " + (index + 1) + ": " + what);
    }
}
