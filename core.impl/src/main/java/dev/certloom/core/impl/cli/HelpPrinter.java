package dev.certloom.core.impl.cli;

import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistry.Plugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code --help}: the overview, or one topic: {@code all}, {@code commands}, a verb
 * or a plugin. It lists only verbs, plugins and flags that exist right now.
 */
final class HelpPrinter {

    private static final String USAGE =
            "certloom [SUBCOMMAND] [options] [-d DOMAIN] [-d DOMAIN] ...";

    private final List<Verb> verbs;
    private final PluginRegistry registry;
    private final FlagTable table;

    /**
     * @param verbs    the verbs, in the order help lists them
     * @param registry the plugins present
     * @param table    the flags accepted right now
     */
    HelpPrinter(List<Verb> verbs, PluginRegistry registry, FlagTable table) {
        this.verbs = List.copyOf(verbs);
        this.registry = registry;
        this.table = table;
    }

    /** Returns the words {@code --help TOPIC} understands. */
    List<String> topics() {
        List<String> topics = new ArrayList<>(List.of("all", "commands"));
        verbs.forEach(verb -> topics.add(verb.name()));
        topics.addAll(pluginRoles().keySet());
        return topics;
    }

    /**
     * Renders the help.
     *
     * @param topic a word of {@link #topics()}, or empty for the overview
     * @return the text, ending with a line feed
     */
    String render(Optional<String> topic) {
        HelpText text = new HelpText();
        String chosen = topic.orElse("");
        Optional<Verb> verb = verbs.stream().filter(v -> v.name().equals(chosen)).findFirst();
        if (chosen.equals("all")) {
            overview(text);
            verbs.forEach(v -> verbSection(text.blank(), v));
            pluginRoles().keySet().forEach(name -> pluginSection(text.blank(), name));
            commonSection(text.blank());
        } else if (chosen.equals("commands")) {
            usage(text, USAGE);
            subcommands(text.blank());
        } else if (verb.isPresent()) {
            usage(text, verb.get().usage());
            verbSection(text.blank(), verb.get());
            commonSection(text.blank());
        } else if (pluginRoles().containsKey(chosen)) {
            pluginSection(text, chosen);
        } else {
            overview(text);
        }
        return text.toString();
    }

    private void overview(HelpText text) {
        usage(text, USAGE);
        text.blank().paragraph("", "Certloom obtains TLS certificates from ACME certificate "
                + "authorities such as Let's Encrypt, with certbot's subcommands and flags. "
                + "Without a subcommand certbot runs 'run', which also installs the "
                + "certificate; Certloom cannot install certificates yet, so name a "
                + "subcommand, such as certonly.");
        subcommands(text.blank());
        authenticators(text.blank());
        text.blank().line("most used flags:");
        for (CoreFlag flag : CoreFlag.values()) {
            if (flag.inOverview()) {
                String term = flag.names().get(0)
                        + (flag.takesValue() ? " " + flag.metavar() : "");
                text.entry(term, HelpText.firstSentence(flag.help()));
            }
        }
        text.blank().paragraph("", "More help: certloom --help TOPIC, where TOPIC is all, "
                + "commands, a subcommand (" + String.join(", ", verbNames()) + ") or a "
                + "plugin" + pluginExamples() + ". certloom --version prints the version.");
    }

    private static void usage(HelpText text, String synopsis) {
        text.line("usage:").line("  " + synopsis);
    }

    private void subcommands(HelpText text) {
        text.line("subcommands:");
        verbs.forEach(verb -> text.entry(verb.name(), verb.summary()));
        // Offered by the launcher, which opens the shell before any of the above runs.
        text.entry("shell", "Open the Felix Gogo shell, where these subcommands are "
                + "commands (certloom:certonly ...); Ctrl-D or 'stop 0' ends it");
    }

    /** Lists the authenticators present and returns whether there was any. */
    private boolean authenticators(HelpText text) {
        text.line("authenticators (choose one with --NAME or -a NAME):");
        List<Flag> selectors = table.flags().stream()
                .filter(flag -> flag instanceof AuthenticatorFlag).toList();
        if (selectors.isEmpty()) {
            text.line("  No authenticator plugin is installed.");
        }
        selectors.forEach(flag -> text.entry(flag.synopsis(), flag.help()));
        return !selectors.isEmpty();
    }

    private void verbSection(HelpText text, Verb verb) {
        text.line(verb.name() + ":").paragraph("  ", verb.summary() + ".");
        verb.flags().forEach(flag -> text.entry(flag.synopsis(), flag.help()));
        if (verb.choosesAuthenticator() && authenticators(text.blank())) {
            text.paragraph("  ", "certloom --help NAME shows an authenticator's options.");
        }
    }

    private void pluginSection(HelpText text, String name) {
        text.line(name + " (" + String.join(", ", pluginRoles().get(name)) + "):");
        Optional<String> description = Stream.concat(registry.authenticators().stream(),
                        registry.installers().stream())
                .filter(plugin -> plugin.name().equals(name))
                .map(Plugin::description).findFirst();
        description.ifPresent(d -> text.paragraph("  ", d));
        List<Flag> flags = table.flags().stream().filter(flag -> belongsTo(flag, name)).toList();
        if (flags.isEmpty()) {
            text.paragraph("  ", "It has no flags: Certloom cannot install certificates yet.");
        } else {
            text.blank();
        }
        flags.forEach(flag -> text.entry(flag.synopsis(), flag.help()));
    }

    private static void commonSection(HelpText text) {
        text.line("common flags:");
        CoreFlag.common().forEach(flag -> text.entry(flag.synopsis(), flag.help()));
    }

    private static boolean belongsTo(Flag flag, String plugin) {
        return flag instanceof AuthenticatorFlag selector && selector.plugin().equals(plugin)
                || flag instanceof PluginOptionFlag option && option.plugin().equals(plugin);
    }

    /** Returns each plugin name with its roles, sorted by name. */
    private TreeMap<String, List<String>> pluginRoles() {
        TreeMap<String, List<String>> roles = new TreeMap<>();
        registry.authenticators().forEach(plugin -> roles
                .computeIfAbsent(plugin.name(), n -> new ArrayList<>()).add("authenticator"));
        registry.installers().forEach(plugin -> roles
                .computeIfAbsent(plugin.name(), n -> new ArrayList<>()).add("installer"));
        return roles;
    }

    private List<String> verbNames() {
        return verbs.stream().map(Verb::name).toList();
    }

    private String pluginExamples() {
        List<String> names = List.copyOf(pluginRoles().keySet());
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }
}
