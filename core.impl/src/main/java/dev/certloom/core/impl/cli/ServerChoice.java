package dev.certloom.core.impl.cli;

import dev.certloom.api.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Picks the ACME directory URL from {@code --server}, {@code --staging} and {@code --dry-run}. */
final class ServerChoice {

    /** Let's Encrypt's production directory, certbot's default. */
    static final String PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";
    /** Let's Encrypt's staging directory, which {@code --staging} selects. */
    static final String STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";

    private ServerChoice() {
    }

    /**
     * Resolves the server as certbot does: {@code --staging} and {@code --dry-run} turn
     * either Let's Encrypt URL into staging; {@code --dry-run} keeps any other server;
     * {@code --staging} together with another server is a contradiction.
     *
     * @param server  the {@code --server} value, if given
     * @param staging whether {@code --staging} or {@code --test-cert} was given
     * @param dryRun  whether {@code --dry-run} was given
     * @return the directory URL
     * @throws ConfigurationException when the URL is malformed or contradicts
     *                                {@code --staging}
     */
    static URI resolve(Optional<String> server, boolean staging, boolean dryRun)
            throws ConfigurationException {
        String chosen = server.orElse(PRODUCTION);
        boolean letsEncrypt = chosen.equals(PRODUCTION) || chosen.equals(STAGING);
        if (staging && !letsEncrypt) {
            throw new ConfigurationException("--server " + chosen + " conflicts with "
                    + "--staging, which means " + STAGING + "; give only one of them.");
        }
        if ((staging || dryRun) && letsEncrypt) {
            chosen = STAGING;
        }
        return parse(chosen);
    }

    private static URI parse(String text) throws ConfigurationException {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (uri.getHost() != null
                    && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw new UsageException("The --server value '" + text + "' is not a URL ("
                    + e.getReason() + "); give the CA's ACME directory URL.");
        }
        throw new UsageException("The --server value '" + text + "' is not an http(s) URL; "
                + "give the CA's ACME directory URL, such as " + PRODUCTION + ".");
    }
}
