package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import dev.certloom.api.service.CertificateService;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The core bundle starts in a bare framework and offers its services. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CoreServicesTest {

    static final String CORE = "dev.certloom.core.impl";
    static final long SERVICE_TIMEOUT_MILLIS = 10_000;

    /** Services a Certloom runtime may lack; components that need them just stay off. */
    private static final Set<String> OPTIONAL_SERVICES =
            Set.of("org.osgi.service.event.EventAdmin");

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    ServiceComponentRuntime components;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    CommandService commands;

    @Test
    void coreBundleIsActive() {
        Bundle core = coreBundle(context);

        assertThat(core.getState()).as("state of %s", CORE).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void coreComponentsWaitForNothingButOptionalServices() {
        Bundle core = coreBundle(context);

        Collection<ComponentDescriptionDTO> descriptions =
                components.getComponentDescriptionDTOs(core);
        List<String> problems = descriptions.stream().flatMap(this::problemsOf).toList();

        assertThat(descriptions).extracting(d -> d.name)
                .contains(CORE + ".cli.CommandServiceImpl", CORE + ".plugins.PluginRegistry");
        assertThat(problems).isEmpty();
    }

    @Test
    void commandAndCertificateServicesComeFromTheCore() {
        ServiceReference<CommandService> commandsReference =
                context.getServiceReference(CommandService.class);
        ServiceReference<CertificateService> certificatesReference =
                context.getServiceReference(CertificateService.class);

        assertThat(commandsReference.getBundle().getSymbolicName()).isEqualTo(CORE);
        assertThat(certificatesReference.getBundle().getSymbolicName()).isEqualTo(CORE);
        assertThat(commands.verbs()).contains("plugins", "certonly");
    }

    @Test
    void pluginsSucceedsWhenNoPluginIsInstalled() {
        CommandRun run = CommandRun.of(commands, "plugins");

        assertThat(run.exitCode()).isEqualTo(CommandService.OK);
        assertThat(run.errors()).isEmpty();
        assertThat(run.output()).isNotBlank();
        assertThat(run.listedPlugins()).isEmpty();
    }

    /** Returns the core bundle, failing the test when it is not installed. */
    static Bundle coreBundle(BundleContext context) {
        return Arrays.stream(context.getBundles())
                .filter(b -> CORE.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(CORE + " is not installed"));
    }

    /** Says why a component cannot run, if it cannot. */
    private Stream<String> problemsOf(ComponentDescriptionDTO description) {
        Collection<ComponentConfigurationDTO> configurations =
                components.getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
            return Stream.of(description.name + " has no configuration");
        }
        return configurations.stream().map(c -> problemOf(description, c))
                .flatMap(Optional::stream);
    }

    /** A component that lacks only optional services stays off, as designed; not a fault. */
    private static Optional<String> problemOf(ComponentDescriptionDTO description,
            ComponentConfigurationDTO configuration) {
        int state = configuration.state;
        if (state == ComponentConfigurationDTO.SATISFIED
                || state == ComponentConfigurationDTO.ACTIVE) {
            return Optional.empty();
        }
        if (configuration.unsatisfiedReferences.length == 0) {
            String failure = configuration.failure == null ? "" : ": " + configuration.failure;
            return Optional.of(description.name + " is in state " + state + failure);
        }
        List<String> missing = Arrays.stream(configuration.unsatisfiedReferences)
                .map(r -> interfaceOf(description, r.name))
                .filter(service -> !OPTIONAL_SERVICES.contains(service))
                .toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(description.name + " lacks " + missing);
    }

    private static String interfaceOf(ComponentDescriptionDTO description, String reference) {
        return Arrays.stream(description.references)
                .filter(r -> r.name.equals(reference))
                .map(r -> r.interfaceName)
                .findFirst()
                .orElse(reference);
    }
}
