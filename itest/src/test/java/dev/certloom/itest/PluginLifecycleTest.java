package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectBundleInstaller;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.install.BundleInstaller;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A plugin bundle installed, stopped, started or uninstalled while the framework runs is
 * seen by the core at once, without a restart. Each test installs the probe plugin
 * itself; osgi-test uninstalls it after the test.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginLifecycleTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectBundleInstaller
    BundleInstaller installer;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT_MILLIS)
    CommandService commands;

    private ServiceEventRecorder probeEvents;

    @BeforeEach
    void listenToTheProbe() throws Exception {
        probeEvents = ServiceEventRecorder.listen(context, ProbePlugin.SERVICE_FILTER);
    }

    @Test
    void pluginInstalledWhileRunningIsListedAtOnce() throws Exception {
        installer.installBundle(ProbePlugin.EMBEDDED_JAR, true);
        probeEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);

        assertThat(listedPlugins()).contains(ProbePlugin.NAME);
    }

    @Test
    void stoppedPluginIsNoLongerListed() throws Exception {
        Bundle probe = installProbe();

        probe.stop();
        probeEvents.await(ServiceEvent.UNREGISTERING, EVENT_TIMEOUT);

        assertThat(listedPlugins()).doesNotContain(ProbePlugin.NAME);
    }

    @Test
    void restartedPluginIsListedAgain() throws Exception {
        Bundle probe = installProbe();
        probe.stop();
        probeEvents.await(ServiceEvent.UNREGISTERING, EVENT_TIMEOUT);

        probe.start();
        probeEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);

        assertThat(listedPlugins()).contains(ProbePlugin.NAME);
    }

    @Test
    void uninstalledPluginIsGone() throws Exception {
        Bundle probe = installProbe();

        probe.uninstall();
        probeEvents.await(ServiceEvent.UNREGISTERING, EVENT_TIMEOUT);

        assertThat(probe.getState()).isEqualTo(Bundle.UNINSTALLED);
        assertThat(listedPlugins()).doesNotContain(ProbePlugin.NAME);
    }

    private Bundle installProbe() throws InterruptedException {
        Bundle probe = installer.installBundle(ProbePlugin.EMBEDDED_JAR, true);
        probeEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);
        assertThat(listedPlugins()).as("plugins listed after installing the probe")
                .contains(ProbePlugin.NAME);
        return probe;
    }

    private List<String> listedPlugins() {
        CommandRun run = CommandRun.of(commands, "plugins");
        assertThat(run.exitCode()).as("exit code of plugins; errors: %s", run.errors())
                .isEqualTo(CommandService.OK);
        return run.listedPlugins();
    }
}
