package dev.certloom.core.impl.cli;

import java.util.ArrayList;
import java.util.List;

/** Lays out help text: wrapped paragraphs and two-column flag lists, 79 columns wide. */
final class HelpText {

    /** The widest line help prints, so that it fits an 80-column terminal. */
    static final int WIDTH = 79;
    /** Where the description column starts. */
    private static final int COLUMN = 24;

    private final StringBuilder text = new StringBuilder();

    /** Appends a line as is. */
    HelpText line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** Appends an empty line. */
    HelpText blank() {
        return line("");
    }

    /** Appends a paragraph wrapped at {@link #WIDTH}, each line indented. */
    HelpText paragraph(String indent, String paragraph) {
        for (String line : wrap(paragraph, WIDTH - indent.length())) {
            line(indent + line);
        }
        return this;
    }

    /**
     * Appends a two-column entry: the term, then its description from column 24, on the
     * next line when the term is too wide.
     */
    HelpText entry(String term, String description) {
        String left = "  " + term;
        List<String> lines = wrap(description, WIDTH - COLUMN);
        int first = 0;
        if (left.length() <= COLUMN - 2 && !lines.isEmpty()) {
            line(left + " ".repeat(COLUMN - left.length()) + lines.get(0));
            first = 1;
        } else {
            line(left);
        }
        for (String line : lines.subList(first, lines.size())) {
            line(" ".repeat(COLUMN) + line);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Breaks text into lines of at most {@code width} columns at spaces. */
    static List<String> wrap(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Returns the text up to and including its first full stop followed by a space. */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.strip() : text.substring(0, end + 1);
    }

    /** Returns {@code a}, {@code a or b}, {@code a, b or c}. */
    static String either(List<String> words) {
        return join(words, " or ");
    }

    /** Returns {@code a}, {@code a and b}, {@code a, b and c}. */
    static String all(List<String> words) {
        return join(words, " and ");
    }

    private static String join(List<String> words, String last) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + last
                + words.get(words.size() - 1);
    }
}
