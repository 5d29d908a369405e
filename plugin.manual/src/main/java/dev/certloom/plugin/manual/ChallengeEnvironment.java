package dev.certloom.plugin.manual;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code CERTBOT_*} variables certbot's manual plugin gives its hooks, built from one
 * challenge. Stateless.
 */
final class ChallengeEnvironment {

    static final String DOMAIN = "CERTBOT_DOMAIN";
    static final String VALIDATION = "CERTBOT_VALIDATION";
    static final String TOKEN = "CERTBOT_TOKEN";
    static final String REMAINING = "CERTBOT_REMAINING_CHALLENGES";
    static final String ALL_DOMAINS = "CERTBOT_ALL_DOMAINS";
    static final String CERT_PATH = "CERTBOT_CERT_PATH";
    static final String KEY_PATH = "CERTBOT_KEY_PATH";
    static final String AUTH_OUTPUT = "CERTBOT_AUTH_OUTPUT";

    // RFC 8737 section 3: the acmeIdentifier extension of the validation certificate.
    private static final String ACME_IDENTIFIER_OID = "1.3.6.1.5.5.7.1.31";
    private static final int DIGEST_LENGTH = 32;
    private static final byte OCTET_STRING = 0x04;

    private ChallengeEnvironment() {
    }

    /**
     * Returns the name a hook sees for a challenge. RFC 8555 section 7.1.4 puts a wildcard's
     * base name into its authorization, and certbot's hooks get that base name, so that
     * {@code _acme-challenge.$CERTBOT_DOMAIN} is the right record for both.
     */
    static String domain(Challenge challenge) {
        String name = challenge.identifier().value();
        return challenge.identifier().isWildcard() ? name.substring(2) : name;
    }

    /**
     * Returns the variables of one challenge.
     *
     * @param challenge  the challenge
     * @param all        the challenges of the run, in order
     * @param remaining  how many challenges come after this one
     * @return the variables, without the validation certificate's paths
     * @throws PluginException when a TLS-ALPN-01 certificate lacks its acmeIdentifier
     */
    static Map<String, String> of(Challenge challenge, List<Challenge> all, int remaining)
            throws PluginException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(DOMAIN, domain(challenge));
        environment.put(VALIDATION, validation(challenge));
        if (challenge instanceof Http01Challenge http) {
            environment.put(TOKEN, http.token());
        }
        environment.put(REMAINING, Integer.toString(remaining));
        environment.put(ALL_DOMAINS, String.join(",",
                all.stream().map(ChallengeEnvironment::domain).toList()));
        return environment;
    }

    /**
     * Returns what the challenge proves: the key authorization for HTTP-01, the TXT value
     * for DNS-01, and for TLS-ALPN-01 the digest in the certificate, base64url like the
     * DNS-01 value.
     */
    static String validation(Challenge challenge) throws PluginException {
        if (challenge instanceof Http01Challenge http) {
            return http.content();
        }
        if (challenge instanceof Dns01Challenge dns) {
            return dns.value();
        }
        return digest((TlsAlpn01Challenge) challenge);
    }

    private static String digest(TlsAlpn01Challenge challenge) throws PluginException {
        byte[] extension = challenge.certificate().getExtensionValue(ACME_IDENTIFIER_OID);
        // The JDK hands the extension value wrapped in an OCTET STRING; inside it RFC 8737
        // section 3 puts the 32-byte SHA-256 digest as another OCTET STRING.
        int inner = 2;
        if (extension == null || extension.length != inner + 2 + DIGEST_LENGTH
                || extension[0] != OCTET_STRING || extension[inner] != OCTET_STRING
                || extension[inner + 1] != DIGEST_LENGTH) {
            throw new PluginException("The TLS-ALPN-01 validation certificate of "
                    + challenge.identifier() + " has no acmeIdentifier digest (RFC 8737"
                    + " section 3), so the manual plugin cannot hand it to a hook.");
        }
        byte[] digest = Arrays.copyOfRange(extension, inner + 2, extension.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
