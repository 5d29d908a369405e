package dev.certloom.e2e;

/** The one piece of JSON writing the harness needs: a string literal. */
final class Json {

    private Json() {
    }

    /** Returns {@code text} as a JSON string literal, quotes included (RFC 8259 section 7). */
    static String quote(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
