package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import dev.certloom.api.plugin.CertificateFiles;
import dev.certloom.core.impl.storage.LineageStore.IssuedCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.util.Map;
import java.util.Set;

/**
 * The four PEM files of one certificate version, and how they are laid out: numbered files
 * in {@code archive/NAME/}, relative links in {@code live/NAME/} pointing at them
 * ({@code ../../archive/NAME/cert1.pem}, as certbot makes them), and a README for people.
 * Immutable once encoded.
 */
final class LineageFiles {

    private static final Map<String, String> SIGNATURES = Map.of(
            "EC", "SHA256withECDSA", "RSA", "SHA256withRSA", "Ed25519", "Ed25519");
    private static final String README = "README";
    private static final String LIVE_README = String.join("\n",
            "This folder holds the current files of one certificate. Renewal replaces them",
            "in place, so point servers here and do not move or rename anything.",
            "",
            "privkey.pem    the private key; keep it secret",
            "fullchain.pem  the certificate followed by its intermediates: what most servers",
            "               want",
            "chain.pem      the intermediates alone",
            "cert.pem       the certificate alone; most servers need fullchain.pem instead",
            "",
            "Each file is a link into the archive folder, where every renewal adds a new",
            "numbered version.",
            "");
    private static final String LIVE_ROOT_README = String.join("\n",
            "Each folder here holds the current files of one certificate, named after it:",
            "privkey.pem, fullchain.pem, chain.pem and cert.pem. Renewal replaces them in",
            "place, so point servers at them and do not move or rename anything.",
            "");

    private final byte[] cert;
    private final byte[] chain;
    private final byte[] fullChain;
    private final byte[] privateKey;

    private LineageFiles(String cert, String chain, String privateKey) {
        this.cert = cert.getBytes(StandardCharsets.US_ASCII);
        this.chain = chain.getBytes(StandardCharsets.US_ASCII);
        this.fullChain = (cert + chain).getBytes(StandardCharsets.US_ASCII);
        this.privateKey = privateKey.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Encodes a certificate and its key, after checking that they belong together (certbot
     * refuses to list a lineage whose key does not match).
     *
     * @throws StorageException when the key does not match or cannot be exported
     */
    static LineageFiles encode(String name, IssuedCertificate issued) throws StorageException {
        checkKeyMatches(name, issued);
        try {
            return new LineageFiles(PemEncoding.certificate(issued.leaf()),
                    PemEncoding.certificates(issued.intermediates()),
                    PemEncoding.privateKey(issued.key()));
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            throw new StorageException("Cannot store the certificate lineage " + name
                    + " because " + e.getMessage() + ".", e);
        }
    }

    /** Writes version 1 of the four files into the lineage's archive folder. */
    void writeArchive(Path archive) throws StorageException {
        AtomicFiles.write(archive.resolve("cert1.pem"), cert, AtomicFiles.PUBLIC_FILE);
        AtomicFiles.write(archive.resolve("chain1.pem"), chain, AtomicFiles.PUBLIC_FILE);
        AtomicFiles.write(archive.resolve("fullchain1.pem"), fullChain, AtomicFiles.PUBLIC_FILE);
        AtomicFiles.write(archive.resolve("privkey1.pem"), privateKey, AtomicFiles.PRIVATE_FILE);
    }

    /** Links the four live files to version 1 in the archive and writes the READMEs. */
    void linkLive(Path live, Path archive) throws StorageException {
        Path liveRoot = live.getParent();
        if (!AtomicFiles.occupied(liveRoot.resolve(README))) {
            AtomicFiles.write(liveRoot.resolve(README),
                    LIVE_ROOT_README.getBytes(StandardCharsets.US_ASCII), AtomicFiles.PUBLIC_FILE);
        }
        CertificateFiles links = livePaths(live);
        link(links.certificate(), archive.resolve("cert1.pem"));
        link(links.chain(), archive.resolve("chain1.pem"));
        link(links.fullChain(), archive.resolve("fullchain1.pem"));
        link(links.privateKey(), archive.resolve("privkey1.pem"));
        AtomicFiles.write(live.resolve(README), LIVE_README.getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.PUBLIC_FILE);
    }

    /** Returns the stable paths under {@code live/NAME/}. */
    static CertificateFiles livePaths(Path live) {
        return new CertificateFiles(live.resolve("cert.pem"), live.resolve("chain.pem"),
                live.resolve("fullchain.pem"), live.resolve("privkey.pem"));
    }

    /**
     * Creates a lineage's own folder, which must not exist yet, with {@code mode}. Its parent
     * ({@code archive/} or {@code live/}) is made 0700 if missing, as certbot makes both;
     * the configuration folder 0755.
     *
     * @throws StorageException when the folder exists already or cannot be made
     */
    static void createFolder(Path configDir, Path folder, Set<PosixFilePermission> mode)
            throws StorageException {
        AtomicFiles.ensureDirectory(configDir, AtomicFiles.PUBLIC_DIR);
        AtomicFiles.ensureDirectory(folder.getParent(), AtomicFiles.PRIVATE_DIR);
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(mode));
            Files.setPosixFilePermissions(folder, mode);
        } catch (IOException e) {
            throw new StorageException("Cannot create the folder " + folder + " ("
                    + AtomicFiles.reason(e) + "); if it exists, choose another certificate "
                    + "name.", e);
        }
    }

    /** Deletes a folder and everything in it, links themselves and not their targets. */
    static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                        throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                        throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Called while another failure is reported; what remains is listed by nobody,
            // because no renewal configuration points at it.
            AtomicFiles.deleteQuietly(folder);
        }
    }

    private void link(Path link, Path target) throws StorageException {
        // Relative, as certbot makes them, so the configuration folder can be moved whole.
        AtomicFiles.replaceSymlink(link, link.getParent().relativize(target));
    }

    private static void checkKeyMatches(String name, IssuedCertificate issued)
            throws StorageException {
        PublicKey publicKey = issued.leaf().getPublicKey();
        String algorithm = SIGNATURES.get(issued.key().getAlgorithm());
        try {
            if (algorithm == null) {
                throw new GeneralSecurityException("unsupported key algorithm "
                        + issued.key().getAlgorithm());
            }
            byte[] probe = name.getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(issued.key());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            throw new StorageException("Cannot store the certificate lineage " + name
                    + " because its private key cannot be checked against the certificate ("
                    + e.getMessage() + "); use an EC or RSA key.", e);
        }
        throw new StorageException("Cannot store the certificate lineage " + name
                + " because the private key does not match the certificate.");
    }
}
