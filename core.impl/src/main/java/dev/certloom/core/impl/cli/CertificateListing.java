package dev.certloom.core.impl.cli;

import dev.certloom.api.service.Lineage;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code certificates}, laid out as certbot lays it out, so that scripts that
 * read certbot's listing read this one.
 */
final class CertificateListing {

    /** How Python prints an aware UTC date-time, which is what certbot shows. */
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateListing() {
    }

    /**
     * Describes lineages, without the surrounding rules.
     *
     * @param lineages the lineages that pass the filters
     * @param filtered whether {@code --cert-name} or {@code -d} narrowed the list
     * @param found    whether any lineage exists at all, before filtering
     * @param now      the moment to count the remaining validity from
     * @return the lines, joined by line feeds, without a final one
     */
    static String describe(List<Lineage> lineages, boolean filtered, boolean found,
            Instant now) {
        if (!found) {
            return "No certificates found.";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Found the following " + (filtered ? "matching " : "") + "certs:");
        List<String> entries = new ArrayList<>();
        for (Lineage lineage : lineages) {
            entries.add(entry(lineage, now));
        }
        lines.add(String.join("\n", entries));
        return String.join("\n", lines);
    }

    private static String entry(Lineage lineage, Instant now) {
        return "  Certificate Name: " + lineage.name() + "\n"
                + "    Serial Number: " + serial(lineage.serial()) + "\n"
                + "    Key Type: " + lineage.keyType() + "\n"
                + "    Domains: " + String.join(" ", lineage.domains()) + "\n"
                + "    Expiry Date: " + EXPIRY.format(lineage.notAfter())
                + " (" + status(lineage, now) + ")\n"
                + "    Certificate Path: " + lineage.files().fullChain() + "\n"
                + "    Private Key Path: " + lineage.files().privateKey();
    }

    /** certbot prints the serial as lower-case hexadecimal without leading zeros. */
    private static String serial(String hex) {
        if (hex == null) {
            return "";
        }
        try {
            return new BigInteger(hex.replace(":", ""), 16).toString(16);
        } catch (NumberFormatException e) {
            return hex;
        }
    }

    private static String status(Lineage lineage, Instant now) {
        List<String> reasons = new ArrayList<>();
        // certbot marks certificates from any server with "staging" in its URL as tests.
        if (lineage.server() != null && lineage.server().contains("staging")) {
            reasons.add("TEST_CERT");
        }
        if (!lineage.notAfter().isAfter(now)) {
            reasons.add("EXPIRED");
        }
        if (!reasons.isEmpty()) {
            return "INVALID: " + String.join(", ", reasons);
        }
        Duration left = Duration.between(now, lineage.notAfter());
        long days = left.toDays();
        if (days == 1) {
            return "VALID: 1 day";
        }
        return days < 1 ? "VALID: " + left.toHours() + " hour(s)" : "VALID: " + days + " days";
    }
}
