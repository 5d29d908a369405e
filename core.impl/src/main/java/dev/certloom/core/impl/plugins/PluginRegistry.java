package dev.certloom.core.impl.plugins;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.Installer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticators and installers present right now. Plugins are followed dynamically:
 * a bundle installed while Certloom runs is seen at once, and one that stops is
 * forgotten. Thread-safe.
 */
@Component(service = PluginRegistry.class)
public final class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final List<Plugin<Authenticator>> authenticators = new CopyOnWriteArrayList<>();
    private final List<Plugin<Installer>> installers = new CopyOnWriteArrayList<>();

    /**
     * A plugin service with its name and description.
     *
     * @param name        the {@value CertloomPlugin#NAME} property
     * @param description the {@value CertloomPlugin#DESCRIPTION} property
     * @param ranking     the service ranking; among equal names the highest wins
     * @param service     the service object
     * @param <T>         {@link Authenticator} or {@link Installer}
     */
    public record Plugin<T>(String name, String description, int ranking, T service) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAuthenticator(Authenticator service, Map<String, Object> properties) {
        add(authenticators, service, properties, "authenticator");
    }

    void removeAuthenticator(Authenticator service) {
        remove(authenticators, service, "authenticator");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addInstaller(Installer service, Map<String, Object> properties) {
        add(installers, service, properties, "installer");
    }

    void removeInstaller(Installer service) {
        remove(installers, service, "installer");
    }

    /** Returns the authenticators present, one per name, sorted by name. */
    public List<Plugin<Authenticator>> authenticators() {
        return visible(authenticators);
    }

    /** Returns the installers present, one per name, sorted by name. */
    public List<Plugin<Installer>> installers() {
        return visible(installers);
    }

    /**
     * Finds an authenticator by name.
     *
     * @throws ConfigurationException when none of that name is present; the message lists
     *                                those that are
     */
    public Plugin<Authenticator> authenticator(String name) throws ConfigurationException {
        return find(authenticators(), name, "authenticator");
    }

    /**
     * Finds an installer by name.
     *
     * @throws ConfigurationException when none of that name is present
     */
    public Plugin<Installer> installer(String name) throws ConfigurationException {
        return find(installers(), name, "installer");
    }

    private static <T> Plugin<T> find(List<Plugin<T>> present, String name, String kind)
            throws ConfigurationException {
        Optional<Plugin<T>> match = present.stream().filter(p -> p.name().equals(name))
                .findFirst();
        if (match.isPresent()) {
            return match.get();
        }
        String names = present.isEmpty() ? "none"
                : present.stream().map(Plugin::name).collect(Collectors.joining(", "));
        throw new ConfigurationException("The " + kind + " plugin '" + name
                + "' is not installed; the " + kind + "s present are: " + names + ".");
    }

    private static <T> void add(List<Plugin<T>> plugins, T service,
            Map<String, Object> properties, String kind) {
        Object name = properties.get(CertloomPlugin.NAME);
        if (!(name instanceof String text) || text.isBlank()) {
            LOG.warn("Ignoring an {} service without the {} property; add @CertloomPlugin to it",
                    kind, CertloomPlugin.NAME);
            return;
        }
        Object description = properties.getOrDefault(CertloomPlugin.DESCRIPTION, "");
        Object ranking = properties.getOrDefault(Constants.SERVICE_RANKING, 0);
        int rank = ranking instanceof Integer value ? value : 0;
        plugins.add(new Plugin<>(text, String.valueOf(description), rank, service));
        LOG.debug("The {} plugin {} is now available", kind, text);
    }

    private static <T> void remove(List<Plugin<T>> plugins, T service, String kind) {
        for (Plugin<T> plugin : plugins) {
            if (plugin.service() == service) {
                plugins.remove(plugin);
                LOG.debug("The {} plugin {} is gone", kind, plugin.name());
            }
        }
    }

    private static <T> List<Plugin<T>> visible(List<Plugin<T>> plugins) {
        Map<String, Plugin<T>> byName = plugins.stream().collect(Collectors.toMap(
                Plugin::name, p -> p,
                (a, b) -> a.ranking() >= b.ranking() ? a : b));
        return byName.values().stream().sorted(Comparator.comparing(Plugin::name)).toList();
    }
}
