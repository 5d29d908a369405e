package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.command.CommandService;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectBundleInstaller;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.install.BundleInstaller;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** An order that names a plugin nobody installed fails with one sentence, at once. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AbsentPluginTest {

    @InjectBundleContext
    BundleContext context;

    @InjectBundleInstaller
    BundleInstaller installer;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT_MILLIS)
    CommandService commands;

    @Test
    void certonlyWithAnAbsentAuthenticatorNamesThePluginsPresent(@TempDir Path folder)
            throws Exception {
        ServiceEventRecorder webrootEvents =
                ServiceEventRecorder.listen(context, WebrootPlugin.SERVICE_FILTER);
        installer.installBundle(WebrootPlugin.EMBEDDED_JAR, true);
        webrootEvents.await(ServiceEvent.REGISTERED, Duration.ofSeconds(10));

        CommandRun run = CommandRun.of(commands, "certonly", "-a", "nosuch",
                "-d", "a.example",
                "--config-dir", folder.resolve("config").toString(),
                "--work-dir", folder.resolve("work").toString(),
                "--logs-dir", folder.resolve("logs").toString(),
                "-n", "--agree-tos", "--register-unsafely-without-email");

        assertThat(run.exitCode()).isNotEqualTo(CommandService.OK);
        String sentence = run.errors().strip();
        assertThat(sentence.lines()).as("error output %s", run.errors()).hasSize(1);
        assertThat(sentence).contains("nosuch").contains(WebrootPlugin.NAME).endsWith(".");
    }
}
