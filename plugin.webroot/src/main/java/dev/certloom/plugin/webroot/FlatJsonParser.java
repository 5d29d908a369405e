package dev.certloom.plugin.webroot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON object whose members all have string values, such as
 * {@code {"example.org,www.example.org": "/var/www/example"}}: the one shape that
 * {@code --webroot-map} takes. Strict to the grammar of RFC 8259 for that shape; numbers,
 * literals, arrays and nested objects are refused, because a webroot is always text.
 * A name given twice keeps its last value, as certbot's JSON reader does. Not thread-safe:
 * one instance reads one text.
 */
final class FlatJsonParser {

    private final String text;
    private int position;

    private FlatJsonParser(String text) {
        this.text = text;
    }

    /**
     * Thrown when the text is not such an object. The message says what was expected and
     * at which character (counted from 1).
     */
    static final class SyntaxException extends Exception {

        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /**
     * Reads a flat object of strings.
     *
     * @param text the JSON text, never {@code null}
     * @return the members in the order written, unescaped
     * @throws SyntaxException when the text is anything else
     */
    static Map<String, String> parse(String text) throws SyntaxException {
        return new FlatJsonParser(text).object();
    }

    private Map<String, String> object() throws SyntaxException {
        Map<String, String> members = new LinkedHashMap<>();
        skipWhitespace();
        expect('{', "'{'");
        skipWhitespace();
        if (!accept('}')) {
            do {
                skipWhitespace();
                String name = string();
                skipWhitespace();
                expect(':', "':'");
                skipWhitespace();
                members.put(name, string());
                skipWhitespace();
            } while (accept(','));
            expect('}', "',' or '}'");
        }
        skipWhitespace();
        if (position < text.length()) {
            throw error("nothing may follow the closing '}'");
        }
        return members;
    }

    private String string() throws SyntaxException {
        expect('"', "a string in double quotes");
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(escape());
            } else if (c < 0x20) {
                // RFC 8259 section 7: control characters must be escaped inside strings.
                position--;
                throw error("control characters must be escaped");
            } else {
                value.append(c);
            }
        }
        throw error("the string is not closed");
    }

    private char escape() throws SyntaxException {
        if (position >= text.length()) {
            throw error("the string is not closed");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hexCodeUnit();
            default -> {
                position--;
                throw error("'\\" + c + "' is not a JSON escape");
            }
        };
    }

    /** Reads the four hex digits of a {@code \}{@code u} escape: one UTF-16 code unit. */
    private char hexCodeUnit() throws SyntaxException {
        if (position + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(position);
            // Only ASCII hex digits; Character.digit would also take other scripts' digits.
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits");
            }
            unit = unit * 16 + digit;
            position++;
        }
        return (char) unit;
    }

    private void skipWhitespace() {
        // RFC 8259 section 2: only these four characters are insignificant white space.
        while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private boolean accept(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected, String what) throws SyntaxException {
        if (!accept(expected)) {
            throw error("expected " + what);
        }
    }

    private SyntaxException error(String problem) {
        String where = position < text.length()
                ? "at character " + (position + 1) : "at the end";
        return new SyntaxException(problem + " " + where);
    }
}
