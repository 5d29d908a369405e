package dev.certloom.core.impl.cli;

import dev.certloom.core.impl.engine.Engine;
import dev.certloom.api.CertloomException;
import dev.certloom.api.command.CommandService;
import dev.certloom.api.service.Lineage;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code certificates}: lists the lineages of the configuration folder as certbot does. */
final class CertificatesVerb implements Verb {

    private final Engine engine;
    private final Clock clock;

    /**
     * @param engine  the engine behind the verb
     * @param clock   the clock that says how long certificates stay valid
     */
    CertificatesVerb(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certificates";
    }

    @Override
    public String summary() {
        return "Show the certificates kept in the configuration folder";
    }

    @Override
    public List<CoreFlag> flags() {
        return List.of(CoreFlag.CERT_NAME, CoreFlag.DOMAINS);
    }

    @Override
    public int run(Invocation invocation) throws CertloomException {
        CommandOptions options = invocation.options();
        List<Lineage> all = engine.lineages(options.workspace());
        Optional<String> certName = options.certName();
        List<String> names = options.names();

        // certbot keeps a lineage when its name matches and it holds every -d name.
        List<Lineage> shown = all.stream()
                .filter(l -> certName.map(l.name()::equals).orElse(true))
                .filter(l -> l.domains().containsAll(names))
                .toList();
        boolean filtered = certName.isPresent() || !names.isEmpty();

        PrintWriter out = invocation.console().out();
        out.println();
        out.println(RULE);
        out.println(CertificateListing.describe(shown, filtered, !all.isEmpty(),
                clock.instant()));
        out.println(RULE);
        return CommandService.OK;
    }
}
