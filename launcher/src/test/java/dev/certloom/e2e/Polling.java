package dev.certloom.e2e;

import java.io.IOException;
import java.time.Duration;

/**
 * Waits for a condition by asking again and again, with a short interval that grows, until
 * it holds or an overall time runs out. The harness never sleeps a fixed time.
 */
final class Polling {

    private static final long FIRST_INTERVAL_MILLIS = 10;
    private static final long LONGEST_INTERVAL_MILLIS = 400;

    private Polling() {
    }

    /** One look at the condition. An {@link IOException} means "not yet". */
    @FunctionalInterface
    interface Probe {

        /**
         * Returns whether the condition holds now.
         *
         * @throws IOException when the thing looked at cannot answer yet
         */
        boolean holds() throws IOException;
    }

    /**
     * Returns once {@code probe} holds.
     *
     * @param what    what is awaited, for the failure message
     * @param timeout how long to keep asking
     * @param probe   the condition; a runtime exception from it ends the wait at once
     * @throws TimedOut when the condition did not hold in time; the message carries the
     *                  last {@link IOException}, if any
     */
    static void await(String what, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = FIRST_INTERVAL_MILLIS;
        IOException last = null;
        while (true) {
            try {
                if (probe.holds()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() >= deadline) {
                String cause = last == null ? "" : " (last: " + last + ")";
                throw new TimedOut(what + " did not happen within "
                        + timeout.toSeconds() + " s" + cause, last);
            }
            pause(interval);
            interval = Math.min(LONGEST_INTERVAL_MILLIS, interval * 3 / 2);
        }
    }

    /** The condition did not hold before the time ran out. */
    static final class TimedOut extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        TimedOut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
