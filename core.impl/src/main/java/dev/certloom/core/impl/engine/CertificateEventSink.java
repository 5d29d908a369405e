package dev.certloom.core.impl.engine;

import java.util.List;

/**
 * Where the engine reports what happened to a lineage. Kept apart from Event Admin so
 * that the engine runs where no Event Admin is installed.
 */
public interface CertificateEventSink {

    /**
     * Reports an event.
     *
     * @param topic   one of the topics of {@code CertificateEvents}
     * @param lineage the lineage name
     * @param domains the names of the certificate
     * @param reason  why it failed, or {@code null}
     */
    void post(String topic, String lineage, List<String> domains, String reason);
}
