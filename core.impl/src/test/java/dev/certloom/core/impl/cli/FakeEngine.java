package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import dev.certloom.api.plugin.CertificateFiles;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.CertificateRequest.AccountSpec;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.engine.Engine;
import dev.certloom.core.impl.storage.Workspace;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An engine that records what it is asked and answers with prepared values. */
final class FakeEngine implements Engine {

    static final Instant NOT_BEFORE = Instant.parse("2024-03-01T10:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2024-05-30T10:00:00Z");

    CertificateRequest obtained;
    Workspace workspace;
    Console console;
    AccountSpec registered;
    URI asked;
    List<Lineage> lineages = List.of();
    Optional<AccountInfo> account = Optional.empty();
    CertloomException failure;

    @Override
    public Lineage obtain(Workspace where, CertificateRequest request, Console talk,
            Duration hookTimeout) throws CertloomException {
        this.workspace = where;
        this.obtained = request;
        this.console = talk;
        if (failure != null) {
            throw failure;
        }
        String name = request.certNameIfSet().orElse(request.names().get(0));
        return lineage(name, request.names(), where.live(name), NOT_AFTER,
                request.account().server().toString());
    }

    @Override
    public List<Lineage> lineages(Workspace where) {
        this.workspace = where;
        return lineages;
    }

    @Override
    public AccountInfo register(Workspace where, AccountSpec spec, Console talk)
            throws CertloomException {
        this.workspace = where;
        this.registered = spec;
        if (failure != null) {
            throw failure;
        }
        return new AccountInfo("abc123", spec.server(),
                URI.create("https://ca.example/acct/17"), List.of());
    }

    @Override
    public Optional<AccountInfo> account(Workspace where, URI server) {
        this.workspace = where;
        this.asked = server;
        return account;
    }

    static Lineage lineage(String name, List<String> domains, Path live, Instant notAfter,
            String server) {
        CertificateFiles files = new CertificateFiles(live.resolve("cert.pem"),
                live.resolve("chain.pem"), live.resolve("fullchain.pem"),
                live.resolve("privkey.pem"));
        return new Lineage(name, domains, NOT_BEFORE, notAfter, "0A1B2C", "ECDSA", files,
                server);
    }
}
