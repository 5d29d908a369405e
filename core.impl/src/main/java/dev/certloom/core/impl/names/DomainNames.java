package dev.certloom.core.impl.names;

import dev.certloom.api.ConfigurationException;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the names a user typed into the ASCII form that ACME identifiers carry (RFC 8555
 * section 7.1.4: a DNS identifier is a fully qualified name in its ASCII form), refusing
 * what no certificate authority could validate. Stateless and thread-safe.
 */
public final class DomainNames {

    /** RFC 1035 section 2.3.4: 63 octets a label, 255 a name with its length octets. */
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;

    /** The separators IDNA treats as dots (RFC 3490 section 3.1). */
    private static final Pattern DOTS = Pattern.compile("[.\u3002\uFF0E\uFF61]");

    /** RFC 1123 section 2.1: letters, digits and hyphens. */
    private static final Pattern LDH = Pattern.compile("[a-z0-9-]+");

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** RFC 4291 section 2.2: hexadecimal groups with at least two colons, maybe bracketed. */
    private static final Pattern IPV6 = Pattern.compile(
            "\\[?(?=[^:]*:[^:]*:)[0-9a-f:]*(:[0-9.]+)?(%[a-z0-9]+)?\\]?");

    private DomainNames() {
    }

    /**
     * Normalizes names: trims, drops one trailing dot, lower-cases, converts
     * internationalized labels to punycode ({@code bücher.example} becomes
     * {@code xn--bcher-kva.example}) and drops duplicates, keeping the first occurrence.
     * A wildcard is kept as the whole leftmost label, as in {@code *.example.org}.
     *
     * @param names the names as given, never {@code null}
     * @return the ASCII names in their first-given order, never {@code null}
     * @throws ConfigurationException for the first name that is empty, an IP address, has
     *                                characters a DNS name cannot hold, an empty or too
     *                                long label, a label that starts or ends with a hyphen,
     *                                a misplaced {@code *}, no dot, or is too long; the
     *                                message names that input
     */
    public static List<String> toAscii(List<String> names) throws ConfigurationException {
        Set<String> ascii = new LinkedHashSet<>();
        for (String name : names) {
            ascii.add(toAscii(name));
        }
        return List.copyOf(ascii);
    }

    /**
     * Normalizes one name as {@link #toAscii(List)} does.
     *
     * @param name the name as given, never {@code null}
     * @return the ASCII name
     * @throws ConfigurationException when the name is refused, naming it
     */
    public static String toAscii(String name) throws ConfigurationException {
        String given = name.strip();
        if (given.isEmpty()) {
            throw new ConfigurationException("A domain name is empty; remove the stray comma "
                    + "or give a name such as example.org.");
        }
        if (given.contains("://")) {
            throw new ConfigurationException("The name '" + given + "' looks like a URL, not "
                    + "a domain name; give the host name alone, such as example.org.");
        }
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (IPV4.matcher(lower).matches() || IPV6.matcher(lower).matches()) {
            throw new ConfigurationException("The name '" + given + "' is an IP address; "
                    + "certificates for IP addresses are not supported yet.");
        }
        List<String> labels = List.of(DOTS.split(lower, -1));
        boolean wildcard = labels.get(0).equals("*");
        List<String> converted = new ArrayList<>();
        if (wildcard) {
            converted.add("*");
        }
        for (String label : wildcard ? labels.subList(1, labels.size()) : labels) {
            converted.add(label(label, given));
        }
        return checkWhole(String.join(".", converted), given);
    }

    private static String label(String label, String given) throws ConfigurationException {
        if (label.isEmpty()) {
            throw new ConfigurationException("The name '" + given + "' has an empty label "
                    + "(two dots in a row, or a dot at the start); remove the extra dot.");
        }
        if (label.contains("*")) {
            throw new ConfigurationException("The name '" + given + "' has a '*' that is not "
                    + "the whole leftmost label; only wildcards such as *.example.org exist.");
        }
        String ascii = label;
        if (!label.chars().allMatch(c -> c < 0x80)) {
            try {
                // RFC 5891 section 4: an internationalized label travels as its A-label.
                ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("The name '" + given + "' has the label '"
                        + label + "', which is not a valid internationalized label ("
                        + e.getMessage() + ").", e);
            }
        }
        if (!LDH.matcher(ascii).matches()) {
            throw new ConfigurationException("The name '" + given + "' has characters a DNS "
                    + "name cannot hold; use only letters, digits, hyphens and dots.");
        }
        if (ascii.startsWith("-") || ascii.endsWith("-")) {
            throw new ConfigurationException("The name '" + given + "' has the label '"
                    + label + "', which starts or ends with a hyphen; DNS labels cannot.");
        }
        if (ascii.length() > MAX_LABEL) {
            throw new ConfigurationException("The name '" + given + "' has a label of "
                    + ascii.length() + " characters in ASCII; a DNS label holds at most "
                    + MAX_LABEL + ".");
        }
        return ascii;
    }

    private static String checkWhole(String ascii, String given) throws ConfigurationException {
        if (ascii.indexOf('.') < 0) {
            throw new ConfigurationException("The name '" + given + "' has no dot; give the "
                    + "fully qualified name, such as " + ascii + ".example.org.");
        }
        if (ascii.length() > MAX_NAME) {
            throw new ConfigurationException("The name '" + given + "' is " + ascii.length()
                    + " characters long in ASCII; a DNS name holds at most " + MAX_NAME + ".");
        }
        return ascii;
    }
}
