package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.Installer;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectBundleInstaller;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.install.BundleInstaller;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A plugin bundle installed, stopped, started or uninstalled while the framework runs is
 * seen by the core at once, without a restart. Every plugin bundle that the build put
 * under {@value #PLUGIN_FOLDER} of the test bundle goes through each test; osgi-test
 * uninstalls it afterwards.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginLifecycleTest {

    static final String PLUGIN_FOLDER = "plugins";

    private static final String PLUGIN_SERVICES = "(|(objectClass="
            + Authenticator.class.getName() + ")(objectClass=" + Installer.class.getName()
            + "))";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectBundleInstaller
    BundleInstaller installer;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT_MILLIS)
    CommandService commands;

    private ServiceEventRecorder pluginEvents;

    /** Returns the paths of the plugin bundles inside the test bundle. */
    static Stream<String> embeddedPlugins() {
        Bundle tests = FrameworkUtil.getBundle(PluginLifecycleTest.class);
        Enumeration<URL> jars = tests.findEntries(PLUGIN_FOLDER, "*.jar", false);
        List<String> paths = jars == null ? List.of()
                : Collections.list(jars).stream().map(u -> u.getPath().substring(1)).toList();
        assertThat(paths).as("plugin bundles under %s/ of the test bundle", PLUGIN_FOLDER)
                .isNotEmpty();
        return paths.stream().sorted();
    }

    @BeforeEach
    void listenToPluginServices() throws Exception {
        pluginEvents = ServiceEventRecorder.listen(context, PLUGIN_SERVICES);
    }

    @ParameterizedTest
    @MethodSource("embeddedPlugins")
    void pluginInstalledWhileRunningIsListedAtOnce(String jar) throws Exception {
        Bundle plugin = installer.installBundle(jar, true);
        pluginEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);

        List<String> names = pluginNames(plugin);

        assertThat(names).as("plugin names that %s registers", jar).isNotEmpty();
        assertThat(listedPlugins()).containsAll(names);
    }

    @ParameterizedTest
    @MethodSource("embeddedPlugins")
    void stoppedPluginIsNoLongerListed(String jar) throws Exception {
        Bundle plugin = installer.installBundle(jar, true);
        pluginEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);
        List<String> names = pluginNames(plugin);

        plugin.stop();
        pluginEvents.await(ServiceEvent.UNREGISTERING, EVENT_TIMEOUT);

        assertThat(listedPlugins()).doesNotContainAnyElementsOf(names);
    }

    @ParameterizedTest
    @MethodSource("embeddedPlugins")
    void restartedPluginIsListedAgain(String jar) throws Exception {
        Bundle plugin = installer.installBundle(jar, true);
        pluginEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);
        List<String> names = pluginNames(plugin);
        plugin.stop();
        pluginEvents.await(ServiceEvent.UNREGISTERING, EVENT_TIMEOUT);

        plugin.start();
        pluginEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);

        assertThat(listedPlugins()).containsAll(names);
    }

    @ParameterizedTest
    @MethodSource("embeddedPlugins")
    void uninstalledPluginIsGone(String jar) throws Exception {
        Bundle plugin = installer.installBundle(jar, true);
        pluginEvents.await(ServiceEvent.REGISTERED, EVENT_TIMEOUT);
        List<String> names = pluginNames(plugin);

        plugin.uninstall();
        pluginEvents.await(ServiceEvent.UNREGISTERING, EVENT_TIMEOUT);

        assertThat(plugin.getState()).isEqualTo(Bundle.UNINSTALLED);
        assertThat(listedPlugins()).doesNotContainAnyElementsOf(names);
    }

    /** The names under which a bundle registers plugin services right now. */
    private static List<String> pluginNames(Bundle plugin) {
        ServiceReference<?>[] registered = plugin.getRegisteredServices();
        return registered == null ? List.of() : Arrays.stream(registered)
                .map(r -> r.getProperty(CertloomPlugin.NAME))
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .toList();
    }

    private List<String> listedPlugins() {
        CommandRun run = CommandRun.of(commands, "plugins");
        assertThat(run.exitCode()).as("exit code of plugins; errors: %s", run.errors())
                .isEqualTo(CommandService.OK);
        return run.listedPlugins();
    }
}
