package dev.certloom.plugin.webroot;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginContext;
import dev.certloom.api.plugin.PluginOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@value #NAME} authenticator: proves control of names with HTTP-01 by writing the
 * challenge files into the document roots of a web server that already runs, as certbot's
 * webroot plugin does. Holds no state; each run's state lives in its
 * {@link Authentication}, so it is thread-safe.
 */
@Component(service = Authenticator.class)
@CertloomPlugin(name = WebrootAuthenticator.NAME, description = WebrootAuthenticator.DESCRIPTION)
public final class WebrootAuthenticator implements Authenticator {

    static final String NAME = "webroot";

    static final String DESCRIPTION = "Proves control of names with HTTP-01 by writing"
            + " challenge files into the document root of a web server that already serves"
            + " them on port 80 (-w/--webroot-path, --webroot-map). It writes"
            + " <webroot>/.well-known/acme-challenge/<token> (mode 0644), creates"
            + " .well-known and acme-challenge (0755) when they are missing, and removes"
            + " exactly the files and folders it created. Limitations: HTTP-01 only, so no"
            + " wildcard names; it refuses symbolic links inside the webroot's .well-known"
            + " folder; it needs a POSIX system such as Linux.";

    /** The name of the per-domain webroot option. */
    static final String PATH = "path";

    /** The name of the JSON map option. */
    static final String MAP = "map";

    // Flags and renewal keys are certbot's, so that scripts and renewal files carry over.
    private static final List<PluginOption> OPTIONS = List.of(
            PluginOption.of(NAME, PATH, PluginOption.Type.PATH)
                    .alias("-w")
                    .repeatable()
                    .perDomain()
                    .renewalKey("webroot_path")
                    .help("The document root that the web server serves for the -d names"
                            + " that follow it; give it again before other names that live"
                            + " elsewhere. Names before the first -w use the first one.")
                    .build(),
            PluginOption.of(NAME, MAP, PluginOption.Type.STRING)
                    .repeatable()
                    .renewalKey("webroot_map")
                    .help("A JSON object of names to document roots, such as"
                            + " '{\"example.org,www.example.org\": \"/var/www/example\"}';"
                            + " its names are requested as if given with -d, and it takes"
                            + " precedence over -w.")
                    .build());

    /** Returns HTTP-01, the only challenge a file in a document root can answer. */
    @Override
    public Set<ChallengeType> challengeTypes() {
        return Set.of(ChallengeType.HTTP_01);
    }

    /** Returns {@code --webroot-path} ({@code -w}) and {@code --webroot-map}. */
    @Override
    public List<PluginOption> options() {
        return OPTIONS;
    }

    /**
     * Chooses each name's webroot and checks that it is a folder whose challenge folders
     * are not symbolic links. Touches nothing on disk.
     *
     * @throws ConfigurationException when a name has no webroot, is a wildcard, the map is
     *                                malformed or a webroot is not a folder
     * @throws PluginException        when {@code .well-known} or {@code acme-challenge} in
     *                                a webroot is a symbolic link or not a folder
     */
    @Override
    public Authentication prepare(PluginContext context)
            throws ConfigurationException, PluginException {
        Map<String, Path> webroots =
                WebrootSelection.choose(context.identifiers(), context.options());
        for (Map.Entry<String, Path> entry : webroots.entrySet()) {
            ChallengeFolder.checkLayout(entry.getValue(), entry.getKey());
        }
        return new WebrootAuthentication(webroots);
    }

    /** Returns the names of every {@code --webroot-map} entry, as written. */
    @Override
    public List<String> impliedNames(OptionValues options) {
        return WebrootSelection.mappedNames(options);
    }
}
