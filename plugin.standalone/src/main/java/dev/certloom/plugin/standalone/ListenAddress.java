package dev.certloom.plugin.standalone;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.PluginException;
import dev.certloom.api.plugin.OptionValues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the standalone server listens, from {@code --http-01-address} and
 * {@code --http-01-port}.
 *
 * @param address the local address, or {@code null} for every address of the machine
 * @param port    the TCP port; 0 lets the system choose one
 */
record ListenAddress(InetAddress address, int port) {

    private static final int BACKLOG = 50;
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    /**
     * Reads the address and port options, falling back to their defaults.
     *
     * @throws ConfigurationException when the port is not a number from 0 to 65535 or the
     *                                address cannot be resolved
     */
    static ListenAddress of(OptionValues options) throws ConfigurationException {
        String portText = options.last(StandaloneAuthenticator.HTTP01_PORT)
                .orElse(StandaloneAuthenticator.DEFAULT_HTTP01_PORT).strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("The --http-01-port value '" + portText
                    + "' is not a TCP port; give a number from 1 to 65535.");
        }
        String addressText = options.last(StandaloneAuthenticator.HTTP01_ADDRESS)
                .orElse("").strip();
        if (addressText.isEmpty()) {
            return new ListenAddress(null, port);
        }
        try {
            return new ListenAddress(InetAddress.getByName(addressText), port);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("The --http-01-address value '" + addressText
                    + "' is not an address of this machine; give an IP address such as"
                    + " 127.0.0.1 or leave it out to listen on all addresses.", e);
        }
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
        String subject = "Could not bind TCP port " + port + " on " + describe();
        String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String message;
        if (reason.contains("in use")) {
            message = subject + " because it is already in use by another process; stop that"
                    + " process or choose another port with --http-01-port.";
        } else if (reason.contains("permission denied") && port < FIRST_UNPRIVILEGED_PORT) {
            message = subject + " because only root or a program with the"
                    + " CAP_NET_BIND_SERVICE capability may listen on ports below 1024; run"
                    + " Certloom as root or choose another port with --http-01-port.";
        } else if (reason.contains("cannot assign requested address")) {
            message = subject + " because no network interface of this machine has that"
                    + " address; correct --http-01-address or leave it out.";
        } else {
            message = subject + " (" + e.getMessage() + "); choose another port with"
                    + " --http-01-port or another address with --http-01-address.";
        }
        return new PluginException(message, null, e);
    }
}
