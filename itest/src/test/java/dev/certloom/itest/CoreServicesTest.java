package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

/** The core bundle starts in a bare framework and offers its command service. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CoreServicesTest {

    static final String CORE = "dev.certloom.core.impl";
    static final long SERVICE_TIMEOUT_MILLIS = 10_000;

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
    void everyComponentOfTheCoreIsSatisfied() {
        Bundle core = coreBundle(context);

        Collection<ComponentDescriptionDTO> descriptions =
                components.getComponentDescriptionDTOs(core);

        assertThat(descriptions).extracting(d -> d.name)
                .contains(CORE + ".cli.CommandServiceImpl");
        assertThat(descriptions).allSatisfy(d -> assertThat(
                components.getComponentConfigurationDTOs(d))
                .as("configurations of %s", d.name)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.state)
                        .as("state of %s; unsatisfied references: %s", d.name,
                                unsatisfiedReferences(c))
                        .isIn(ComponentConfigurationDTO.SATISFIED,
                                ComponentConfigurationDTO.ACTIVE)));
    }

    @Test
    void commandServiceComesFromTheCore() {
        ServiceReference<CommandService> reference =
                context.getServiceReference(CommandService.class);

        Bundle provider = reference.getBundle();

        assertThat(provider.getSymbolicName()).isEqualTo(CORE);
        assertThat(commands.verbs()).contains("plugins");
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

    private static List<String> unsatisfiedReferences(ComponentConfigurationDTO configuration) {
        return Arrays.stream(configuration.unsatisfiedReferences).map(r -> r.name).toList();
    }
}
