package dev.certloom.plugin.manual;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS-ALPN-01 validation certificates and keys of one run, as PEM files in the run's
 * work folder (0700), each written 0600 and atomically, and removed at the end. Used from
 * one thread.
 */
final class ValidationFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationFiles.class);
    private static final Set<PosixFilePermission> PRIVATE =
            PosixFilePermissions.fromString("rw-------");
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private final Path folder;
    private final List<Path> written = new ArrayList<>();

    /** @param folder the run's work folder, which exists with mode 0700 */
    ValidationFiles(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes the certificate and key of one challenge.
     *
     * @param challenge the challenge
     * @return the certificate's path and the key's path, in that order
     * @throws PluginException when a file cannot be written or the certificate encoded
     */
    List<Path> write(TlsAlpn01Challenge challenge) throws PluginException {
        String name = challenge.identifier().value();
        String stem = "tls-alpn-01-" + (written.size() / 2 + 1) + "-" + name.replace('*', '_');
        try {
            Path certificate = folder.resolve(stem + ".crt");
            Path key = folder.resolve(stem + ".key");
            writePrivately(certificate, pem("CERTIFICATE",
                    challenge.certificate().getEncoded()));
            writePrivately(key, pem("PRIVATE KEY", challenge.privateKey().getEncoded()));
            LOG.debug("Wrote the TLS-ALPN-01 validation certificate {} and key {} for {}",
                    certificate, key, name);
            return List.of(certificate, key);
        } catch (IOException | CertificateEncodingException e) {
            throw new PluginException("Could not write the TLS-ALPN-01 validation certificate"
                    + " of " + name + " into " + folder + " (" + e.getMessage() + "); check"
                    + " that the folder is writable.", null, e);
        }
    }

    /** Removes every file written; returns the first failure, or {@code null}. */
    PluginException removeAll() {
        PluginException failure = null;
        for (Path path : List.copyOf(written)) {
            try {
                Files.deleteIfExists(path);
                written.remove(path);
            } catch (IOException e) {
                if (failure == null) {
                    failure = new PluginException("Could not remove the TLS-ALPN-01 file "
                            + path + " (" + e.getMessage() + "); delete it by hand.", null, e);
                }
            }
        }
        return failure;
    }

    private static byte[] pem(String label, byte[] der) {
        String text = "-----BEGIN " + label + "-----\n" + PEM_BASE64.encodeToString(der)
                + "\n-----END " + label + "-----\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes through a temporary file created 0600, forced to disk, then renamed. */
    private void writePrivately(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(folder, ".tls-alpn-", ".tmp",
                PosixFilePermissions.asFileAttribute(PRIVATE));
        try {
            // Set again on the file itself: a strange umask must not leave it unwritable.
            Files.setPosixFilePermissions(temporary, PRIVATE);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // Recorded before the rename, so that a failure after it still removes the file.
            written.add(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
