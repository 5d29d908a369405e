package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.StorageException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.Authentication;
import dev.certloom.api.plugin.Authenticator;
import dev.certloom.api.service.CertificateEvents;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.CertificateRequest.AccountSpec;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.names.DomainNames;
import dev.certloom.core.impl.plugins.PluginRegistry;
import dev.certloom.core.impl.plugins.PluginRegistry.Plugin;
import dev.certloom.core.impl.storage.AccountStore;
import dev.certloom.core.impl.storage.AccountStore.StoredAccount;
import dev.certloom.core.impl.storage.DirectoryLocks;
import dev.certloom.core.impl.storage.LineageStore;
import dev.certloom.core.impl.storage.RenewalConfiguration;
import dev.certloom.core.impl.storage.Workspace;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind every command: checks the request, takes the workspace's locks, and
 * runs the account, order and storage steps. Stateless apart from its references, so
 * runs on different workspaces proceed side by side.
 */
@Component(service = Engine.class)
public final class EngineImpl implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(EngineImpl.class);

    private final PluginRegistry plugins;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CertificateEventSink events;

    @Activate
    public EngineImpl(@Reference PluginRegistry plugins) {
        this.plugins = plugins;
    }

    @Override
    public Lineage obtain(Workspace workspace, CertificateRequest request, Console console,
            Duration hookTimeout) throws CertloomException {
        Plugin<Authenticator> plugin = plugins.authenticator(request.authenticator());
        List<String> names = namesOf(request, plugin);
        String lineageName = names.get(0);
        try {
            workspace.ensureExists();
            try (DirectoryLocks locks = DirectoryLocks.acquire(workspace.folders())) {
                LineageStore lineages = new LineageStore(workspace);
                lineageName = lineages.freeName(request.certNameIfSet()
                        .orElse(baseName(names.get(0))));
                Lineage lineage = issue(workspace, request, console, plugin, names, lineageName,
                        hookTimeout);
                post(CertificateEvents.ISSUED, lineageName, names, null);
                return lineage;
            }
        } catch (CertloomException e) {
            post(CertificateEvents.FAILED, lineageName, names, e.getMessage());
            throw e;
        }
    }

    private Lineage issue(Workspace workspace, CertificateRequest request, Console console,
            Plugin<Authenticator> plugin, List<String> names, String lineageName,
            Duration hookTimeout) throws CertloomException {
        Path runFolder = runFolder(workspace);
        List<Identifier> identifiers = names.stream().map(Identifier::dns).toList();
        RunContext context = new RunContext(identifiers, request.authenticatorOptions(),
                runFolder, console, request.dryRun(), request.preferredChallenges(),
                hookTimeout);
        Session session = CaSessions.create(System.getenv()).open(request.account().server());
        CompletableFuture<Void> warm = CaSessions.warmUp(session);
        ClassWarmer.start();
        try (Authentication authentication = plugin.service().prepare(context)) {
            AccountStore accounts = new AccountStore(workspace);
            Login login = new AccountFlow(session, accounts, console).login(request.account());
            warm.join();
            console.out().println("Requesting a certificate for " + names.get(0)
                    + (names.size() > 1 ? " and " + (names.size() - 1) + " more name(s)" : ""));
            ChallengeSelector selector = new ChallengeSelector(request.preferredChallenges(),
                    plugin.service().challengeTypes());
            OrderFlow.Issued issued = new OrderFlow(login, console).issue(names, authentication,
                    selector, plugin.name(), () -> Keys.certificateKey(request.key()),
                    request.preferredChainIfSet().orElse(null));
            StoredAccount account = accounts.find(request.account().server()).orElseThrow();
            LineageStore store = new LineageStore(workspace);
            if (request.dryRun()) {
                LOG.info("Dry run for {}: the certificate was issued and not saved", lineageName);
                return store.preview(lineageName, issued.chain().get(0),
                        request.account().server());
            }
            RenewalConfiguration renewal = RenewalParams.of(request, account.id(), plugin.name(),
                    plugin.service().options());
            Lineage lineage = store.create(lineageName,
                    new LineageStore.IssuedCertificate(issued.chain(),
                            issued.keyPair().getPrivate()),
                    renewal, request.account().server());
            LOG.info("Saved the certificate for {} as lineage {}", names.get(0), lineageName);
            return lineage;
        } finally {
            deleteTree(runFolder);
        }
    }

    @Override
    public List<Lineage> lineages(Workspace workspace) throws CertloomException {
        workspace.ensureExists();
        try (DirectoryLocks locks = DirectoryLocks.acquire(workspace.folders())) {
            return new LineageStore(workspace).list();
        }
    }

    @Override
    public AccountInfo register(Workspace workspace, AccountSpec spec, Console console)
            throws CertloomException {
        workspace.ensureExists();
        try (DirectoryLocks locks = DirectoryLocks.acquire(workspace.folders())) {
            AccountStore accounts = new AccountStore(workspace);
            Optional<StoredAccount> existing = accounts.find(spec.server());
            if (existing.isPresent()) {
                throw new ConfigurationException("An account for " + spec.server()
                        + " is stored already (" + existing.get().id() + "); use "
                        + "show_account to see it.");
            }
            Session session = CaSessions.create(System.getenv()).open(spec.server());
            AccountFlow.Registered registered =
                    new AccountFlow(session, accounts, console).register(spec);
            StoredAccount account = registered.account();
            return new AccountInfo(account.id(), spec.server(), account.location(),
                    account.contacts());
        }
    }

    @Override
    public Optional<AccountInfo> account(Workspace workspace, URI server)
            throws CertloomException {
        workspace.ensureExists();
        try (DirectoryLocks locks = DirectoryLocks.acquire(workspace.folders())) {
            Optional<StoredAccount> stored = new AccountStore(workspace).find(server);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Session session = CaSessions.create(System.getenv()).open(server);
            Login login = session.login(stored.get().location().toURL(), stored.get().keyPair());
            var account = login.getAccount();
            AcmeCalls.send("read the account at " + server, account::fetch);
            List<String> contacts = account.getContacts().stream().map(URI::toString).toList();
            return Optional.of(new AccountInfo(stored.get().id(), server,
                    stored.get().location(), contacts));
        } catch (java.net.MalformedURLException e) {
            throw new StorageException("The stored account for " + server
                    + " has a bad URL; remove its folder under accounts/ and register again.", e);
        }
    }

    private List<String> namesOf(CertificateRequest request, Plugin<Authenticator> plugin)
            throws ConfigurationException {
        List<String> given = new ArrayList<>(request.names());
        given.addAll(plugin.service().impliedNames(request.authenticatorOptions()));
        List<String> names = DomainNames.toAscii(given);
        if (names.isEmpty()) {
            throw new ConfigurationException("No name to request a certificate for; "
                    + "give one with -d.");
        }
        boolean dns = plugin.service().challengeTypes().contains(ChallengeType.DNS_01);
        Optional<String> wildcard = names.stream().filter(n -> n.startsWith("*.")).findFirst();
        if (wildcard.isPresent() && !dns) {
            throw new ConfigurationException("The wildcard name " + wildcard.get()
                    + " can only be validated by DNS-01, which the " + plugin.name()
                    + " plugin does not offer; choose a plugin that does.");
        }
        return names;
    }

    /** certbot names a lineage after its first name, without a wildcard's {@code *.}. */
    private static String baseName(String name) {
        return name.startsWith("*.") ? name.substring(2) : name;
    }

    private void post(String topic, String lineage, List<String> names, String reason) {
        CertificateEventSink sink = events;
        if (sink != null) {
            sink.post(topic, lineage, names, reason);
        }
    }

    private static Path runFolder(Workspace workspace) throws StorageException {
        try {
            // On POSIX systems the JDK creates temporary folders with mode 0700.
            return Files.createTempDirectory(workspace.workDir(), "run-");
        } catch (IOException e) {
            throw new StorageException("Cannot create a folder in " + workspace.workDir()
                    + ": " + e.getMessage() + ".", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the run folder {}: {}; remove it by hand", root,
                    e.getMessage());
        }
    }
}
