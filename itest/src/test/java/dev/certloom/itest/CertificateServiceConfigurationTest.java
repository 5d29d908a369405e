package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.service.CertificateService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * An appliance configures the certificate service through Config Admin alone: the
 * folders it names are where the service works, and a bad value stops the service with
 * a sentence that names the key.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CertificateServiceConfigurationTest {

    private static final String PID = "dev.certloom.certificates";
    private static final String COMPONENT =
            CoreServicesTest.CORE + ".engine.CertificateServiceImpl";
    private static final String SERVICE_FILTER =
            "(objectClass=" + CertificateService.class.getName() + ")";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT_MILLIS)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT_MILLIS)
    ServiceComponentRuntime components;

    private Configuration configuration;

    /** Puts the service back on its defaults and waits until it is registered again. */
    @AfterEach
    void deleteConfiguration() throws Exception {
        if (configuration != null) {
            ServiceEventRecorder events = ServiceEventRecorder.listen(context, SERVICE_FILTER);
            configuration.delete();
            events.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);
        }
    }

    @Test
    void configuredFoldersAreWhereTheServiceWorks(@TempDir Path folder) throws Exception {
        Path configDir = folder.resolve("config");
        configure(configDir.toString(), folder.resolve("work").toString(),
                folder.resolve("logs").toString());

        CertificateService service = certificateService();

        assertThat(service).isNotNull();
        assertThat(service.lineages()).isEmpty();
        assertThat(configDir).isDirectory();
    }

    @Test
    void relativeFolderStopsTheServiceWithASentenceNamingTheKey(@TempDir Path folder)
            throws Exception {
        configure("relative/config", folder.resolve("work").toString(),
                folder.resolve("logs").toString());

        CertificateService service = certificateService();

        assertThat(service).isNull();
        assertThat(componentConfiguration().failure)
                .contains("configDir").contains(PID).contains("absolute path");
    }

    private void configure(String configDir, String workDir, String logsDir) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("configDir", configDir);
        properties.put("workDir", workDir);
        properties.put("logsDir", logsDir);
        ServiceEventRecorder events = ServiceEventRecorder.listen(context, SERVICE_FILTER);
        // "?" lets the configuration reach the core bundle whatever bundle created it.
        configuration = configurationAdmin.getConfiguration(PID, "?");
        configuration.update(properties);
        events.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);
    }

    private CertificateService certificateService() {
        ServiceReference<CertificateService> reference =
                context.getServiceReference(CertificateService.class);
        return context.getService(reference);
    }

    private ComponentConfigurationDTO componentConfiguration() {
        ComponentDescriptionDTO description =
                components.getComponentDescriptionDTO(CoreServicesTest.coreBundle(context),
                        COMPONENT);
        assertThat(description).as("component %s", COMPONENT).isNotNull();
        return components.getComponentConfigurationDTOs(description).iterator().next();
    }
}
