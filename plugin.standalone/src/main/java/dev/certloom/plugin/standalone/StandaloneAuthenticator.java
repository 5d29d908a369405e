package dev.certloom.plugin.standalone;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Identifier;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.plugin.CertloomPlugin;
import dev.certloom.api.plugin.PluginContext;
import dev.certloom.api.plugin.PluginOption;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value #NAME} authenticator: proves control of names with HTTP-01 by answering
 * the certificate authority from a web server of its own, as certbot's standalone plugin
 * does. The server is bound in {@link #prepare}, so that a taken port is reported before
 * any order is placed, and stopped when the run's {@link Authentication} is closed. Holds
 * no state of its own and is thread-safe; two runs at once need two ports.
 */
@Component(service = Authenticator.class)
@CertloomPlugin(name = StandaloneAuthenticator.NAME,
        description = StandaloneAuthenticator.DESCRIPTION)
public final class StandaloneAuthenticator implements Authenticator {

    static final String NAME = "standalone";

    static final String DESCRIPTION = "Proves control of names with HTTP-01 by answering"
            + " the certificate authority from a small web server of its own, which listens"
            + " on port 80 (--http-01-port, --http-01-address) only while a certificate is"
            + " obtained. It touches nothing on disk. Limitations: HTTP-01 only for now, so"
            + " no wildcard names; the port must be free, so a web server already on port 80"
            + " must be stopped for the run (hooks to do that come later) or the webroot"
            + " plugin used instead; ports below 1024 need root or CAP_NET_BIND_SERVICE.";

    /** The name of the port option. */
    static final String HTTP01_PORT = "http-01-port";

    /** The name of the listen address option. */
    static final String HTTP01_ADDRESS = "http-01-address";

    /** The port the CA connects to for HTTP-01 (RFC 8555 section 8.3). */
    static final String DEFAULT_HTTP01_PORT = "80";

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneAuthenticator.class);

    // Flags and renewal keys are certbot's, so that scripts and renewal files carry over.
    private static final List<PluginOption> OPTIONS = List.of(
            PluginOption.of(NAME, HTTP01_PORT, PluginOption.Type.INTEGER)
                    .flag("--http-01-port")
                    .defaultValue(DEFAULT_HTTP01_PORT)
                    .renewalKey("http01_port")
                    .help("The TCP port to answer HTTP-01 challenges on. The CA always"
                            + " connects to port 80, so use another only when port 80 is"
                            + " forwarded to it.")
                    .build(),
            PluginOption.of(NAME, HTTP01_ADDRESS, PluginOption.Type.STRING)
                    .flag("--http-01-address")
                    .defaultValue("")
                    .renewalKey("http01_address")
                    .help("The local IP address to answer HTTP-01 challenges on; empty"
                            + " means every address of the machine.")
                    .build());

    private final Duration idleTimeout;

    /** Creates the authenticator with the default idle timeout for connections. */
    public StandaloneAuthenticator() {
        this(Http01Responder.IDLE_TIMEOUT);
    }

    StandaloneAuthenticator(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** Returns HTTP-01; TLS-ALPN-01 is not answered yet. */
    @Override
    public Set<ChallengeType> challengeTypes() {
        return Set.of(ChallengeType.HTTP_01);
    }

    /** Returns {@code --http-01-port} and {@code --http-01-address}. */
    @Override
    public List<PluginOption> options() {
        return OPTIONS;
    }

    /**
     * Binds the HTTP-01 server now and starts it, answering 404 until challenges are
     * published.
     *
     * @throws ConfigurationException when a name is a wildcard or an option is malformed
     * @throws PluginException        when the port cannot be bound; the message names the
     *                                port and address and says why
     */
    @Override
    public Authentication prepare(PluginContext context)
            throws ConfigurationException, PluginException {
        for (Identifier identifier : context.identifiers()) {
            refuseWildcard(identifier);
        }
        ListenAddress where = ListenAddress.of(context.options());
        List<String> names = context.identifiers().stream().map(Identifier::value).toList();

        ServerSocket socket = where.bind();
        Http01Responder responder = Http01Responder.start(socket, names, idleTimeout);
        LOG.info("Listening for the HTTP-01 validation of {} on port {} of {}",
                String.join(", ", names), responder.port(), where.describe());
        return new StandaloneAuthentication(List.of(responder));
    }

    private static void refuseWildcard(Identifier identifier) throws ConfigurationException {
        if (identifier.isWildcard()) {
            throw new ConfigurationException("The standalone plugin cannot prove control of"
                    + " the wildcard name " + identifier + " because certificate authorities"
                    + " check wildcards only through DNS-01; choose an authenticator that"
                    + " publishes DNS records.");
        }
    }
}
