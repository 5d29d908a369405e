package dev.certloom.core.impl.cli;

import dev.certloom.core.impl.engine.Engine;
import dev.certloom.api.CertloomException;
import dev.certloom.api.command.CommandService;
import dev.certloom.core.impl.engine.Engine.AccountInfo;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;

/** {@code show_account}: shows the stored account for the CA as the CA knows it. */
final class ShowAccountVerb implements Verb {

    private static final String MAILTO = "mailto:";

    private final Engine engine;

    /** @param engine  the engine behind the verb */
    ShowAccountVerb(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "show_account";
    }

    @Override
    public String summary() {
        return "Show the account stored for the CA: its URL and e-mail contacts";
    }

    @Override
    public List<CoreFlag> flags() {
        return List.of(CoreFlag.SERVER, CoreFlag.STAGING);
    }

    @Override
    public int run(Invocation invocation) throws CertloomException {
        URI server = invocation.options().server();
        AccountInfo account = engine
                .account(invocation.options().workspace(), server)
                .orElseThrow(() -> new CertloomException("No account is stored for the "
                        + "server " + server + "; create one with 'certloom register'."));

        List<String> emails = account.contacts().stream()
                .filter(contact -> contact.startsWith(MAILTO))
                .map(contact -> contact.substring(MAILTO.length()))
                .toList();
        PrintWriter out = invocation.console().out();
        out.println("Account details for server " + server + ":");
        out.println("  Account URL: " + account.location());
        out.println("  Email contact" + (emails.size() > 1 ? "s" : "") + ": "
                + (emails.isEmpty() ? "none" : String.join(", ", emails)));
        return CommandService.OK;
    }
}
