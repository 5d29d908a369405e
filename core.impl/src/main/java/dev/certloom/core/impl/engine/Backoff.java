package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waiting between polls and retries: a short interval that doubles up to a cap, so that
 * a fast CA answers within tens of milliseconds and a slow one is not hammered. A
 * Retry-After the CA sent (RFC 8555 section 7.5.1, 8.2) is honoured up to the cap.
 */
final class Backoff {

    private final Duration cap;
    private final Instant deadline;
    private Duration next;

    /**
     * @param first the first wait
     * @param cap   the longest single wait
     * @param total how long to keep trying at all
     */
    Backoff(Duration first, Duration cap, Duration total) {
        this.next = first;
        this.cap = cap;
        this.deadline = Instant.now().plus(total);
    }

    /** Returns whether the overall time has run out. */
    boolean expired() {
        return Instant.now().isAfter(deadline);
    }

    /**
     * Sleeps for the next interval, or until the CA's Retry-After if that is later.
     *
     * @param retryAfter the moment the CA asked for, if any
     * @throws CertloomException when interrupted
     */
    void pause(Optional<Instant> retryAfter) throws CertloomException {
        Duration wait = next;
        if (retryAfter.isPresent()) {
            Duration asked = Duration.between(Instant.now(), retryAfter.get());
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        if (wait.compareTo(cap) > 0) {
            wait = cap;
        }
        next = next.multipliedBy(2).compareTo(cap) > 0 ? cap : next.multipliedBy(2);
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertloomException("Interrupted while waiting for the CA.", e);
        }
    }
}
