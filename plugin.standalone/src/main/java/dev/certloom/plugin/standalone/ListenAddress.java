package dev.certloom.plugin.standalone;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.OptionValues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the standalone server of one challenge type listens, from the options
 * {@code --<type>-port} and {@code --<type>-address}, such as {@code --http-01-port} and
 * {@code --tls-alpn-01-address}.
 *
 * @param address the local address, or {@code null} for every address of the machine
 * @param port    the TCP port; 0 lets the system choose one
 * @param type    the challenge type answered there, which names the flags in messages
 */
record ListenAddress(InetAddress address, int port, ChallengeType type) {

    private static final int BACKLOG = 50;
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    /**
     * Reads the address and port options of a challenge type, falling back to their
     * defaults.
     *
     * @param type    {@link ChallengeType#HTTP_01} or {@link ChallengeType#TLS_ALPN_01}
     * @param options the plugin's option values
     * @throws ConfigurationException when the port is not a number from 0 to 65535 or the
     *                                address cannot be resolved
     */
    static ListenAddress of(ChallengeType type, OptionValues options)
            throws ConfigurationException {
        String portText = options.last(portOption(type))
                .orElse(StandaloneAuthenticator.defaultPort(type)).strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("The --" + portOption(type) + " value '"
                    + portText + "' is not a TCP port; give a number from 1 to 65535.");
        }
        String addressText = options.last(addressOption(type)).orElse("").strip();
        if (addressText.isEmpty()) {
            return new ListenAddress(null, port, type);
        }
        try {
            return new ListenAddress(InetAddress.getByName(addressText), port, type);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("The --" + addressOption(type) + " value '"
                    + addressText + "' is not an address of this machine; give an IP address"
                    + " such as 127.0.0.1 or leave it out to listen on all addresses.", e);
        }
    }

    /** Returns the name of the port option of a type, such as {@code http-01-port}. */
    static String portOption(ChallengeType type) {
        return type.token() + "-port";
    }

    /** Returns the name of the address option of a type, such as {@code http-01-address}. */
    static String addressOption(ChallengeType type) {
        return type.token() + "-address";
    }

    /** Returns {@code all addresses} or the address in numeric form, for messages. */
    String describe() {
        return address == null ? "all addresses" : address.getHostAddress();
    }

    /**
     * Binds a server socket now, so that a taken port fails before any order is placed.
     *
     * @return the bound socket, which the caller closes
     * @throws PluginException when the port cannot be bound, saying why and what to do
     */
    ServerSocket bind() throws PluginException {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
        } catch (IOException e) {
            throw failure(e);
        }
        try {
            // A connection of an earlier run in TIME_WAIT must not keep the port taken.
            socket.setReuseAddress(true);
            socket.bind(address == null ? new InetSocketAddress(port)
                    : new InetSocketAddress(address, port), BACKLOG);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw failure(e);
        }
    }

    /** Turns the system's refusal into one sentence with the fix. */
    PluginException failure(IOException e) {
        String portFlag = "--" + portOption(type);
        String addressFlag = "--" + addressOption(type);
        String subject = "Could not bind TCP port " + port + " on " + describe();
        String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String message;
        if (reason.contains("in use")) {
            message = subject + " because it is already in use by another process; stop that"
                    + " process or choose another port with " + portFlag + ".";
        } else if (reason.contains("permission denied") && port < FIRST_UNPRIVILEGED_PORT) {
            message = subject + " because only root or a program with the"
                    + " CAP_NET_BIND_SERVICE capability may listen on ports below 1024; run"
                    + " Certloom as root or choose another port with " + portFlag + ".";
        } else if (reason.contains("cannot assign requested address")) {
            message = subject + " because no network interface of this machine has that"
                    + " address; correct " + addressFlag + " or leave it out.";
        } else {
            message = subject + " (" + e.getMessage() + "); choose another port with "
                    + portFlag + " or another address with " + addressFlag + ".";
        }
        return new PluginException(message, null, e);
    }
}
