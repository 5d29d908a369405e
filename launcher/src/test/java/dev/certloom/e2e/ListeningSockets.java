package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP sockets of this machine in the LISTEN state, read from Linux's
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}, to prove that helpers listen on
 * loopback only.
 */
final class ListeningSockets {

    /** 127.0.0.1 as the kernel of a little-endian machine writes it in the tables. */
    static final String LOOPBACK_HEX = "0100007F";

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * Returns the local addresses that listen on {@code port}, as the kernel writes them in
     * hex: {@code 0100007F} is 127.0.0.1, {@code 00000000} is every IPv4 address.
     */
    static List<String> addressesOn(int port) {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : lines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !fields[3].equals(LISTEN)) {
                    continue;
                }
                String[] local = fields[1].split(":");
                if (local.length == 2 && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    private static List<String> lines(Path table) {
        try {
            return Files.exists(table) ? Files.readAllLines(table) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table, e);
        }
    }
}
