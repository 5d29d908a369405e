package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;

/**
 * Picks ports on 127.0.0.1 that nothing listens on at the moment of asking. The kernel
 * chooses them (bind to port 0), so two harnesses on one machine rarely collide; a
 * process that then fails to bind is restarted by its owner with fresh ports.
 */
final class LoopbackPorts {

    /** The loopback address every harness process listens on; never the wildcard. */
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final int ATTEMPTS = 50;

    private LoopbackPorts() {
    }

    /** Returns a TCP port that is free on 127.0.0.1. */
    static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on 127.0.0.1", e);
        }
    }

    /** Returns whether a TCP server could listen on {@code port} of 127.0.0.1 now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Returns a port that is free on 127.0.0.1 for both TCP and UDP, as DNS needs. */
    static int freeTcpAndUdpPort() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freeTcpPort();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                return udp.getLocalPort();
            } catch (SocketException taken) {
                // The UDP side of this port is in use; the kernel offers another one.
                continue;
            }
        }
        throw new IllegalStateException("No port on 127.0.0.1 is free for both TCP and UDP");
    }
}
