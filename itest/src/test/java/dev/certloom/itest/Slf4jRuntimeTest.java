package dev.certloom.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * SLF4J runs as in certloom.jar: the API and its provider on the class path, exported by
 * the system bundle, with no ServiceLoader mediator in the framework.
 */
@ExtendWith(BundleContextExtension.class)
class Slf4jRuntimeTest {

    @InjectBundleContext
    BundleContext context;

    @Test
    void coreGetsSlf4jFromTheSystemBundle() {
        Bundle core = CoreServicesTest.coreBundle(context);

        List<BundleWire> wires = core.adapt(BundleWiring.class)
                .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(w -> "org.slf4j".equals(w.getCapability().getAttributes()
                        .get(PackageNamespace.PACKAGE_NAMESPACE)))
                .toList();

        assertThat(wires).singleElement()
                .satisfies(w -> assertThat(w.getProvider().getBundle().getBundleId())
                        .as("bundle exporting org.slf4j to the core").isZero());
    }

    @Test
    void slf4jFindsItsProvider() {
        Object factory = LoggerFactory.getILoggerFactory();

        assertThat(factory).isNotInstanceOf(NOPLoggerFactory.class);
    }
}
