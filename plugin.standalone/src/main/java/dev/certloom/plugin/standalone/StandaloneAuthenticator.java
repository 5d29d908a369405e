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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value #NAME} authenticator: proves control of names by answering the certificate
 * authority from servers of its own, as certbot's standalone plugin does: HTTP-01 from a
 * small web server, and TLS-ALPN-01 (RFC 8737) from a TLS server. Only the servers the run
 * may use are started: HTTP-01 alone, as in certbot, unless {@code --preferred-challenges}
 * names the types to answer. They are bound in {@link #prepare}, so that a taken port is
 * reported before any order is placed, and stopped when the run's {@link Authentication}
 * is closed. Holds no state of its own and is thread-safe; two runs at once need two
 * ports.
 */
@Component(service = Authenticator.class)
@CertloomPlugin(name = StandaloneAuthenticator.NAME,
        description = StandaloneAuthenticator.DESCRIPTION)
public final class StandaloneAuthenticator implements Authenticator {

    static final String NAME = "standalone";

    static final String DESCRIPTION = "Proves control of names with HTTP-01 or TLS-ALPN-01"
            + " by answering the certificate authority from servers of its own, which listen"
            + " only while a certificate is obtained: a small web server on port 80"
            + " (--http-01-port, --http-01-address) and, when --preferred-challenges names"
            + " tls-alpn-01, a TLS server on port 443 (--tls-alpn-01-port,"
            + " --tls-alpn-01-address). It touches nothing on disk. Limitations: no wildcard"
            + " names, which CAs check only through DNS-01; the ports must be free, so a web"
            + " server already on them must be stopped for the run or the webroot plugin"
            + " used instead; ports below 1024 need root or CAP_NET_BIND_SERVICE.";

    /** The name of the HTTP-01 port option. */
    static final String HTTP01_PORT = ListenAddress.portOption(ChallengeType.HTTP_01);

    /** The name of the HTTP-01 listen address option. */
    static final String HTTP01_ADDRESS = ListenAddress.addressOption(ChallengeType.HTTP_01);

    /** The name of the TLS-ALPN-01 port option. */
    static final String TLS_ALPN01_PORT = ListenAddress.portOption(ChallengeType.TLS_ALPN_01);

    /** The name of the TLS-ALPN-01 listen address option. */
    static final String TLS_ALPN01_ADDRESS =
            ListenAddress.addressOption(ChallengeType.TLS_ALPN_01);

    /** The port the CA connects to for HTTP-01 (RFC 8555 section 8.3). */
    static final String DEFAULT_HTTP01_PORT = "80";

    /** The port the CA connects to for TLS-ALPN-01 (RFC 8737 section 3). */
    static final String DEFAULT_TLS_ALPN01_PORT = "443";

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneAuthenticator.class);

    /** The types this plugin answers, each from a server of its own. */
    static final Set<ChallengeType> TYPES =
            Set.of(ChallengeType.HTTP_01, ChallengeType.TLS_ALPN_01);

    // Flags and renewal keys of HTTP-01 are certbot's, so that scripts and renewal files
    // carry over. Certbot has no TLS-ALPN-01 options; these follow the same pattern.
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
                    .build(),
            PluginOption.of(NAME, TLS_ALPN01_PORT, PluginOption.Type.INTEGER)
                    .flag("--tls-alpn-01-port")
                    .defaultValue(DEFAULT_TLS_ALPN01_PORT)
                    .renewalKey("tls_alpn_01_port")
                    .help("The TCP port to answer TLS-ALPN-01 challenges on. The CA always"
                            + " connects to port 443, so use another only when port 443 is"
                            + " forwarded to it.")
                    .build(),
            PluginOption.of(NAME, TLS_ALPN01_ADDRESS, PluginOption.Type.STRING)
                    .flag("--tls-alpn-01-address")
                    .defaultValue("")
                    .renewalKey("tls_alpn_01_address")
                    .help("The local IP address to answer TLS-ALPN-01 challenges on; empty"
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

    /** Returns HTTP-01 and TLS-ALPN-01. */
    @Override
    public Set<ChallengeType> challengeTypes() {
        return TYPES;
    }

    /** Returns the port and address options of HTTP-01 and of TLS-ALPN-01. */
    @Override
    public List<PluginOption> options() {
        return OPTIONS;
    }

    /**
     * Binds and starts the server of each type the run may answer, which answers nothing
     * until challenges are published: HTTP-01 when the user stated no preference,
     * otherwise the preferred types this plugin supports.
     *
     * @throws ConfigurationException when a name is a wildcard, an option is malformed, or
     *                                the preference names no type this plugin answers
     * @throws PluginException        when a port cannot be bound; the message names the
     *                                port and address and says why
     */
    @Override
    public Authentication prepare(PluginContext context)
            throws ConfigurationException, PluginException {
        for (Identifier identifier : context.identifiers()) {
            refuseWildcard(identifier);
        }
        List<ChallengeType> types = servedTypes(context.preferredChallenges());
        List<ListenAddress> addresses = new ArrayList<>();
        for (ChallengeType type : types) {
            addresses.add(ListenAddress.of(type, context.options()));
        }
        List<String> names = context.identifiers().stream().map(Identifier::value).toList();

        List<ChallengeResponder> started = new ArrayList<>();
        try {
            for (ListenAddress where : addresses) {
                started.add(start(where, names));
            }
        } catch (PluginException e) {
            started.forEach(ChallengeResponder::close);
            throw e;
        }
        return new StandaloneAuthentication(started);
    }

    /** Returns the default port of a type's server, as text. */
    static String defaultPort(ChallengeType type) {
        return type == ChallengeType.TLS_ALPN_01 ? DEFAULT_TLS_ALPN01_PORT
                : DEFAULT_HTTP01_PORT;
    }

    private static List<ChallengeType> servedTypes(List<ChallengeType> preferred)
            throws ConfigurationException {
        if (preferred.isEmpty()) {
            // Without a preference certbot's standalone answers HTTP-01 on port 80 alone;
            // a server on port 443 would break scripts where something else holds it.
            return List.of(ChallengeType.HTTP_01);
        }
        List<ChallengeType> served = preferred.stream().filter(TYPES::contains).toList();
        if (served.isEmpty()) {
            throw new ConfigurationException("The standalone plugin answers only http-01 and"
                    + " tls-alpn-01, but --preferred-challenges allows only "
                    + preferred.stream().map(ChallengeType::token).toList()
                    + "; add http or tls-alpn to it, or choose an authenticator that"
                    + " answers the types you prefer.");
        }
        return served;
    }

    private ChallengeResponder start(ListenAddress where, List<String> names)
            throws PluginException {
        ServerSocket socket = where.bind();
        ChallengeResponder responder = where.type() == ChallengeType.TLS_ALPN_01
                ? TlsAlpn01Responder.start(socket, names, idleTimeout)
                : Http01Responder.start(socket, names, idleTimeout);
        LOG.info("Listening for the {} validation of {} on port {} of {}", where.type(),
                String.join(", ", names), responder.port(), where.describe());
        return responder;
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
