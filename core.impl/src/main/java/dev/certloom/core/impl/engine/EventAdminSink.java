package dev.certloom.core.impl.engine;

import dev.certloom.api.service.CertificateEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts lineage events through Event Admin. The component exists only while an Event
 * Admin service does, and its class is loaded only then, so the core's import of the
 * event package can stay optional.
 */
@Component(service = CertificateEventSink.class)
public final class EventAdminSink implements CertificateEventSink {

    private final EventAdmin events;

    @Activate
    public EventAdminSink(@Reference EventAdmin events) {
        this.events = events;
    }

    @Override
    public void post(String topic, String lineage, List<String> domains, String reason) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CertificateEvents.LINEAGE, lineage);
        properties.put(CertificateEvents.DOMAINS, domains.toArray(String[]::new));
        if (reason != null) {
            properties.put(CertificateEvents.REASON, reason);
        }
        events.postEvent(new Event(topic, properties));
    }
}
