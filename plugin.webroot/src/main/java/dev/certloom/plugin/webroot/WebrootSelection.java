package dev.certloom.plugin.webroot;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Identifier;
import dev.certloom.api.plugin.OptionValues;
import java.io.IOException;
import java.net.IDN;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which webroot serves each name of a run, with certbot's precedence: an entry of
 * {@code --webroot-map} first, then the {@code -w} that preceded the name on the command
 * line, then the last {@code -w} given. Stateless.
 */
final class WebrootSelection {

    private static final String EXAMPLE =
            "{\"example.org,www.example.org\": \"/var/www/example\"}";

    private WebrootSelection() {
    }

    /**
     * Chooses the webroot of every identifier and checks that it is a folder.
     *
     * @param identifiers the names of the certificate
     * @param options     the webroot plugin's option values
     * @return the real path (symbolic links resolved) of each name's webroot, by identifier
     *         value, in the order of the identifiers
     * @throws ConfigurationException when a name is a wildcard or has no webroot, when the
     *                                map is malformed, or when a webroot is not a folder
     */
    static Map<String, Path> choose(List<Identifier> identifiers, OptionValues options)
            throws ConfigurationException {
        Map<String, String> mapped = mapEntries(options);
        Map<String, String> preceding = new HashMap<>();
        options.perDomain(WebrootAuthenticator.PATH)
                .forEach((name, webroot) -> preceding.put(normalize(name), webroot));
        String last = options.last(WebrootAuthenticator.PATH).orElse(null);

        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Identifier identifier : identifiers) {
            refuseWildcard(identifier);
            String name = identifier.value();
            String webroot = mapped.getOrDefault(name, preceding.getOrDefault(name, last));
            if (webroot == null) {
                missing.add(name);
            } else {
                chosen.put(name, webroot);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("No webroot is set for "
                    + String.join(", ", missing) + "; give one with -w before the -d names it"
                    + " serves, or name them in --webroot-map.");
        }
        return realPaths(chosen);
    }

    /**
     * Returns the names that {@code --webroot-map} requests, as written and without
     * repeats. A map that cannot be read contributes none; {@link #choose} reports it.
     *
     * @param options the webroot plugin's option values
     * @return the names, possibly empty
     */
    static List<String> mappedNames(OptionValues options) {
        Set<String> names = new LinkedHashSet<>();
        for (String json : options.all(WebrootAuthenticator.MAP)) {
            readableOrEmpty(json).keySet().forEach(key -> names.addAll(split(key)));
        }
        return List.copyOf(names);
    }

    private static Map<String, String> readableOrEmpty(String json) {
        try {
            return FlatJsonParser.parse(json);
        } catch (FlatJsonParser.SyntaxException e) {
            return Map.of();
        }
    }

    /**
     * Returns a name in the form identifiers take: ASCII, lower case, without the dot
     * that ends an absolute name.
     */
    static String normalize(String name) {
        String plain = name.strip();
        if (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return ascii(plain).toLowerCase(Locale.ROOT);
    }

    private static String ascii(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            return name;
        }
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // Not a valid name: it then matches no identifier, which the core has checked.
            return name;
        }
    }

    /** Merges every {@code --webroot-map} value, a later entry winning, by normalized name. */
    private static Map<String, String> mapEntries(OptionValues options)
            throws ConfigurationException {
        Map<String, String> byName = new HashMap<>();
        for (String json : options.all(WebrootAuthenticator.MAP)) {
            for (Map.Entry<String, String> entry : parseMap(json).entrySet()) {
                for (String name : split(entry.getKey())) {
                    byName.put(normalize(name), entry.getValue());
                }
            }
        }
        return byName;
    }

    private static Map<String, String> parseMap(String json) throws ConfigurationException {
        Map<String, String> entries;
        try {
            entries = FlatJsonParser.parse(json);
        } catch (FlatJsonParser.SyntaxException e) {
            throw new ConfigurationException("The --webroot-map value is not a JSON object of"
                    + " names to webroots (" + e.getMessage() + "); write it like " + EXAMPLE
                    + ".", e);
        }
        for (String key : entries.keySet()) {
            if (split(key).isEmpty()) {
                throw new ConfigurationException("The --webroot-map entry \"" + key
                        + "\" names no domain; give names separated by commas, as in "
                        + EXAMPLE + ".");
            }
        }
        return entries;
    }

    /** Splits a map key such as {@code "example.org, www.example.org"} into its names. */
    private static List<String> split(String key) {
        List<String> names = new ArrayList<>();
        for (String part : key.split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return names;
    }

    private static void refuseWildcard(Identifier identifier) throws ConfigurationException {
        if (identifier.isWildcard()) {
            throw new ConfigurationException("The webroot plugin cannot prove control of the"
                    + " wildcard name " + identifier + " because certificate authorities"
                    + " check wildcards only through DNS-01; choose an authenticator that"
                    + " publishes DNS records.");
        }
    }

    private static Map<String, Path> realPaths(Map<String, String> chosen)
            throws ConfigurationException {
        Map<String, Path> byText = new HashMap<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : chosen.entrySet()) {
            Path real = byText.get(entry.getValue());
            if (real == null) {
                real = realFolder(entry.getValue(), entry.getKey());
                byText.put(entry.getValue(), real);
            }
            byName.put(entry.getKey(), real);
        }
        return byName;
    }

    private static Path realFolder(String webroot, String name) throws ConfigurationException {
        String subject = "The webroot '" + webroot + "' for " + name;
        try {
            // A blank path would silently mean the working directory.
            if (!webroot.isBlank() && Files.isDirectory(Path.of(webroot))) {
                return Path.of(webroot).toRealPath();
            }
        } catch (InvalidPathException | IOException e) {
            throw new ConfigurationException(subject + " cannot be used (" + e.getMessage()
                    + "); give an existing folder with -w or --webroot-map.", e);
        }
        throw new ConfigurationException(subject + " does not exist or is not a folder;"
                + " create it or give another with -w or --webroot-map.");
    }
}
