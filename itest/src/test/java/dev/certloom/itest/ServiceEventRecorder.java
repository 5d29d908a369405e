package dev.certloom.itest;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;

/**
 * Records the events of the services that match a filter, from the moment it is created,
 * so that a test waits for the event its action must cause instead of sleeping. The
 * listener lives as long as the bundle context it was added to; osgi-test's injected
 * context removes it after each test.
 */
final class ServiceEventRecorder {

    private final BlockingQueue<Integer> events = new LinkedBlockingQueue<>();
    private final String filter;

    private ServiceEventRecorder(String filter) {
        this.filter = filter;
    }

    /**
     * Starts recording.
     *
     * @param context where to listen
     * @param filter  an LDAP filter over service properties, such as
     *                {@code (objectClass=...)}
     * @return the recorder
     * @throws InvalidSyntaxException when the filter is malformed
     */
    static ServiceEventRecorder listen(BundleContext context, String filter)
            throws InvalidSyntaxException {
        ServiceEventRecorder recorder = new ServiceEventRecorder(filter);
        context.addServiceListener(event -> recorder.events.add(event.getType()), filter);
        return recorder;
    }

    /**
     * Waits for an event of a type, skipping events of other types, then forgets every
     * event recorded so far: a bundle that registers several services causes several
     * events at once, and the next wait must be for what the next action causes. Fails
     * the test when no such event comes in time.
     *
     * @param type    a {@link ServiceEvent} type such as {@link ServiceEvent#REGISTERED}
     * @param timeout how long to wait at most
     * @throws InterruptedException when the test thread is interrupted
     */
    void await(int type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left = timeout.toNanos();
        while (left > 0) {
            Integer next = events.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && next == type) {
                events.clear();
                return;
            }
            left = deadline - System.nanoTime();
        }
        fail("No %s event for %s within %s", typeName(type), filter, timeout);
    }

    private static String typeName(int type) {
        return switch (type) {
            case ServiceEvent.REGISTERED -> "REGISTERED";
            case ServiceEvent.MODIFIED -> "MODIFIED";
            case ServiceEvent.UNREGISTERING -> "UNREGISTERING";
            case ServiceEvent.MODIFIED_ENDMATCH -> "MODIFIED_ENDMATCH";
            default -> "service event type " + type;
        };
    }
}
