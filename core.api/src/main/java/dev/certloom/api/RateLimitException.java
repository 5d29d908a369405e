package dev.certloom.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The certificate authority refused a request because a rate limit was reached
 * ({@code urn:ietf:params:acme:error:rateLimited}). Retrying before {@link #retryAfter()}
 * is pointless.
 */
public class RateLimitException extends AcmeProblemException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAfter;

    /**
     * @param message    the sentence shown to the user
     * @param retryAfter when the CA will accept the request again, or {@code null}
     * @param cause      what went wrong underneath, or {@code null}
     */
    public RateLimitException(String message, Instant retryAfter, Throwable cause) {
        super(message, "urn:ietf:params:acme:error:rateLimited", List.of(), cause);
        this.retryAfter = retryAfter;
    }

    /** Returns the earliest moment a retry can succeed, if the CA named one. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
