package dev.certloom.core.impl.storage;

import dev.certloom.api.StorageException;
import dev.certloom.api.plugin.CertificateFiles;
import dev.certloom.api.service.Lineage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate lineages in certbot's layout, so that certbot lists and renews what Certloom
 * stores and the other way round: versioned files in {@code archive/NAME/}, relative
 * symbolic links to the current version in {@code live/NAME/}, and
 * {@code renewal/NAME.conf}. A lineage exists once its renewal configuration does; that file
 * is written last, so a crash earlier leaves nothing that certbot or {@link #list()} reads.
 *
 * <p>Callers hold the workspace's {@link DirectoryLocks} against other runs; within one
 * run the store is safe to use from one thread at a time.
 */
public final class LineageStore {

    private static final Logger LOG = LoggerFactory.getLogger(LineageStore.class);
    private static final String CONF = ".conf";

    private final Workspace workspace;

    /**
     * A certificate as the CA issued it, with the private key it was requested for.
     *
     * @param chain the leaf first, then the intermediates in the order the CA sent them
     *              (RFC 8555 section 7.4.2); never empty
     * @param key   the private key matching the leaf's public key
     */
    public record IssuedCertificate(List<X509Certificate> chain, PrivateKey key) {

        public IssuedCertificate {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("An issued certificate needs at least the leaf");
            }
            Objects.requireNonNull(key, "key");
        }

        /** Returns the leaf certificate, the one issued for the names. */
        public X509Certificate leaf() {
            return chain.get(0);
        }

        /** Returns the intermediates, possibly none. */
        public List<X509Certificate> intermediates() {
            return chain.subList(1, chain.size());
        }
    }

    /**
     * A renewal configuration that cannot be used, as {@code certbot certificates} reports
     * it under "invalid".
     *
     * @param name        the lineage name
     * @param renewalConf the renewal configuration file
     * @param reason      what is wrong, one sentence
     */
    public record BrokenLineage(String name, Path renewalConf, String reason) {
    }

    /**
     * Every lineage of a workspace, the usable and the broken ones, each sorted by name.
     *
     * @param lineages the usable lineages
     * @param broken   the renewal configurations that could not be used
     */
    public record Scan(List<Lineage> lineages, List<BrokenLineage> broken) {

        public Scan {
            lineages = List.copyOf(lineages);
            broken = List.copyOf(broken);
        }
    }

    /**
     * @param workspace the folders to work in, not {@code null}
     */
    public LineageStore(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /**
     * Returns a lineage name that is not in use, by certbot's rule: {@code wanted} itself
     * when none of {@code renewal/wanted.conf}, {@code live/wanted} and
     * {@code archive/wanted} exists, else the first free of {@code wanted-0001},
     * {@code wanted-0002}, and so on.
     *
     * @param wanted the preferred name, usually the first domain, not {@code null}
     * @return a free name
     */
    public String freeName(String wanted) {
        String candidate = wanted;
        for (int counter = 1; inUse(candidate); counter++) {
            candidate = String.format("%s-%04d", wanted, counter);
        }
        return candidate;
    }

    /**
     * Describes the lineage a certificate would become under a name, writing nothing: what
     * a dry run reports.
     *
     * @param name   the lineage name
     * @param leaf   the certificate
     * @param server the ACME directory URL
     * @throws StorageException when the certificate's names cannot be read
     */
    public Lineage preview(String name, X509Certificate leaf, URI server)
            throws StorageException {
        return LineageInspector.describe(name, leaf,
                LineageFiles.livePaths(workspace.live(name)), server.toString());
    }

    /**
     * Stores a new lineage with a renewal configuration the caller filled in (parameters,
     * lists and subsections). Its top-level file entries are set here; {@code server} and
     * a missing {@code key_type} are added as by the other {@code create}. The caller's
     * object is not changed.
     *
     * @throws StorageException as the other {@code create}
     */
    public Lineage create(String name, IssuedCertificate issued, RenewalConfiguration renewal,
            URI server) throws StorageException {
        checkName(name);
        if (inUse(name)) {
            throw new StorageException("The certificate name " + name + " is already in use "
                    + "in " + workspace.configDir() + "; choose another with --cert-name.");
        }
        LineageFiles files = LineageFiles.encode(name, issued);
        Path archive = workspace.archive(name);
        Path live = workspace.live(name);
        // Described before anything is written, so that once the files exist nothing fails.
        Lineage lineage = LineageInspector.describe(name, issued.leaf(),
                LineageFiles.livePaths(live), server.toString());
        List<Path> created = new ArrayList<>();
        try {
            LineageFiles.createFolder(workspace.configDir(), archive, AtomicFiles.PRIVATE_DIR);
            created.add(archive);
            files.writeArchive(archive);
            LineageFiles.createFolder(workspace.configDir(), live, AtomicFiles.PUBLIC_DIR);
            created.add(live);
            files.linkLive(live, archive);
            Path conf = workspace.renewalConf(name);
            AtomicFiles.ensureDirectory(conf.getParent(), AtomicFiles.PUBLIC_DIR);
            renewalFor(renewal, archive, LineageFiles.livePaths(live), issued, server).write(conf);
            created.clear();
        } finally {
            // Only folders this call made are removed: a failure must not eat another's.
            for (Path folder : created) {
                LineageFiles.deleteTree(folder);
                LOG.debug("Removed {} of the unfinished certificate lineage {}", folder, name);
            }
        }
        LOG.info("Saved the certificate lineage {} ({})", name,
                String.join(", ", lineage.domains()));
        return lineage;
    }

    /**
     * Lists the usable lineages, sorted by name. A broken one is skipped with a warning
     * naming it; {@link #scan()} reports those too.
     *
     * @throws StorageException when the renewal folder cannot be listed
     */
    public List<Lineage> list() throws StorageException {
        return scan().lineages();
    }

    /**
     * Reads every {@code renewal/*.conf} (names starting with a dot are skipped, like
     * certbot's glob does), follows its links and reads the current certificate.
     *
     * @return the usable and the broken lineages
     * @throws StorageException when the renewal folder cannot be listed
     */
    public Scan scan() throws StorageException {
        List<Lineage> lineages = new ArrayList<>();
        List<BrokenLineage> broken = new ArrayList<>();
        for (Path conf : renewalFiles()) {
            String fileName = conf.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - CONF.length());
            try {
                lineages.add(LineageInspector.inspect(name, conf));
            } catch (StorageException e) {
                LOG.warn("Skipping the broken certificate lineage {}: {} Repair it or delete "
                        + "it", name, e.getMessage());
                broken.add(new BrokenLineage(name, conf, e.getMessage()));
            }
        }
        lineages.sort(Comparator.comparing(Lineage::name));
        broken.sort(Comparator.comparing(BrokenLineage::name));
        return new Scan(lineages, broken);
    }

    private RenewalConfiguration renewalFor(RenewalConfiguration given, Path archive,
            CertificateFiles live, IssuedCertificate issued, URI server) throws StorageException {
        RenewalConfiguration renewal = copyOf(given);
        renewal.set(RenewalConfiguration.KEY_ARCHIVE_DIR, archive.toString());
        renewal.set(RenewalConfiguration.KEY_CERT, live.certificate().toString());
        renewal.set(RenewalConfiguration.KEY_PRIVKEY, live.privateKey().toString());
        renewal.set(RenewalConfiguration.KEY_CHAIN, live.chain().toString());
        renewal.set(RenewalConfiguration.KEY_FULLCHAIN, live.fullChain().toString());
        renewal.setParam("server", server.toString());
        if (renewal.param("key_type").isEmpty()) {
            // certbot renews a lineage without key_type with an RSA key (renewal.py).
            String type = LineageInspector.keyType(issued.leaf());
            renewal.setParam("key_type", "ECDSA".equals(type) ? "ecdsa" : "rsa");
        }
        return renewal;
    }

    private static RenewalConfiguration copyOf(RenewalConfiguration given) {
        RenewalConfiguration copy = new RenewalConfiguration();
        for (String key : given.paramNames()) {
            if (given.isList(key)) {
                copy.setParamList(key, given.paramList(key).orElseThrow());
            } else {
                copy.setParam(key, given.param(key).orElseThrow());
            }
        }
        for (String subsection : given.subsectionNames()) {
            copy.setSubsection(subsection, given.subsection(subsection));
        }
        return copy;
    }

    private boolean inUse(String name) {
        return AtomicFiles.occupied(workspace.renewalConf(name))
                || AtomicFiles.occupied(workspace.live(name))
                || AtomicFiles.occupied(workspace.archive(name));
    }

    private static void checkName(String name) throws StorageException {
        boolean valid = !name.isEmpty() && !name.startsWith(".") && !name.contains("/")
                && !name.contains("\0") && !name.contains("\n");
        if (!valid) {
            throw new StorageException("The certificate name \"" + name + "\" cannot name a "
                    + "folder; choose one without '/' and not starting with '.'.");
        }
    }

    private List<Path> renewalFiles() throws StorageException {
        Path folder = workspace.configDir().resolve("renewal");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, entry -> {
            String fileName = entry.getFileName().toString();
            return fileName.endsWith(CONF) && !fileName.startsWith(".")
                    && fileName.length() > CONF.length() && Files.isRegularFile(entry);
        })) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new StorageException("Cannot list the renewal configurations in " + folder
                    + " (" + AtomicFiles.reason(e) + "); check the folder's rights.", e);
        }
        files.sort(null);
        return files;
    }
}
