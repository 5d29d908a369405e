package dev.certloom.api.challenge;

import dev.certloom.api.Identifier;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * HTTP-01 (RFC 8555 section 8.3): the CA fetches
 * {@code http://<identifier>/.well-known/acme-challenge/<token>} on port 80 and expects
 * {@link #content()} as the body.
 *
 * @param identifier the name being validated
 * @param token      the token, checked to hold only base64url characters
 * @param content    the key authorization to serve, as ASCII text
 */
public record Http01Challenge(Identifier identifier, String token, String content)
        implements Challenge {

    /** The path under which every HTTP-01 token is served. */
    public static final String PATH_PREFIX = "/.well-known/acme-challenge/";

    // RFC 8555 section 8.3: the token is base64url without padding. Anything else could
    // climb out of the challenge folder when used as a file name.
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    public Http01Challenge {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(content, "content");
        if (token == null || !BASE64URL.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "The HTTP-01 token for " + identifier + " is not base64url text");
        }
    }

    /** Returns the URL path the CA fetches, such as {@code /.well-known/acme-challenge/abc}. */
    public String path() {
        return PATH_PREFIX + token;
    }

    @Override
    public ChallengeType type() {
        return ChallengeType.HTTP_01;
    }
}
