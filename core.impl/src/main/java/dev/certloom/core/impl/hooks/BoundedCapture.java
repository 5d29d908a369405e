package dev.certloom.core.impl.hooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a hook to its end, keeping the first bytes up to a limit and
 * dropping the rest. Reading on past the limit matters: a hook that fills its pipe would
 * otherwise block forever and only the timeout would end it. Meant to run on a thread of
 * its own; {@link #text()} is safe to call once that thread has ended.
 */
final class BoundedCapture implements Runnable {

    private final InputStream stream;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    /**
     * @param stream the stream to drain; closed when its end is reached
     * @param limit  how many bytes to keep
     */
    BoundedCapture(InputStream stream, int limit) {
        this.stream = stream;
        this.limit = limit;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (InputStream in = stream) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                keep(buffer, read);
            }
        } catch (IOException e) {
            // The pipe closes under us when the hook's group is killed; what was read stays.
            return;
        }
    }

    private synchronized void keep(byte[] buffer, int read) {
        int room = limit - kept.size();
        if (room > 0) {
            kept.write(buffer, 0, Math.min(room, read));
        }
    }

    /** Returns what was kept, decoded as UTF-8 (malformed bytes become U+FFFD). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
