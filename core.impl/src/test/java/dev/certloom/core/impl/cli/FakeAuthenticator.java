package dev.certloom.core.impl.cli;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import dev.certloom.api.plugin.PluginOption;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** An authenticator with chosen options and implied names; it never takes part in a run. */
final class FakeAuthenticator implements Authenticator {

    private final List<PluginOption> options;
    private final Function<OptionValues, List<String>> implied;

    FakeAuthenticator(List<PluginOption> options) {
        this(options, values -> List.of());
    }

    FakeAuthenticator(List<PluginOption> options,
            Function<OptionValues, List<String>> implied) {
        this.options = List.copyOf(options);
        this.implied = implied;
    }

    /** An authenticator shaped like certbot's webroot: {@code -w} per domain and a map. */
    static FakeAuthenticator webroot() {
        return new FakeAuthenticator(List.of(
                PluginOption.of("webroot", "path", PluginOption.Type.PATH)
                        .help("The document root to write challenge files into.")
                        .alias("-w").repeatable().perDomain().build(),
                PluginOption.of("webroot", "map", PluginOption.Type.STRING)
                        .help("Names mapped to document roots, as JSON.").build()),
                values -> values.last("map").map(m -> List.of(m.split(":")[0]))
                        .orElse(List.of()));
    }

    /** An authenticator with a valued option that has a default and a switch. */
    static FakeAuthenticator standalone() {
        return new FakeAuthenticator(List.of(
                PluginOption.of("standalone", "http-01-port", PluginOption.Type.INTEGER)
                        .flag("--http-01-port").defaultValue("80")
                        .help("The port to answer HTTP-01 on.").build(),
                PluginOption.of("standalone", "ipv6-only", PluginOption.Type.FLAG)
                        .help("Listen on IPv6 only.").build()));
    }

    @Override
    public Set<ChallengeType> challengeTypes() {
        return Set.of(ChallengeType.HTTP_01);
    }

    @Override
    public List<PluginOption> options() {
        return options;
    }

    @Override
    public Authentication prepare(PluginContext context) throws PluginException {
        throw new PluginException("The fake authenticator takes part in no run.");
    }

    @Override
    public List<String> impliedNames(OptionValues values) {
        return implied.apply(values);
    }
}
