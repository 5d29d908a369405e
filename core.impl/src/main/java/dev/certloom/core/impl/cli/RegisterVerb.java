package dev.certloom.core.impl.cli;

import dev.certloom.api.CertloomException;
import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Console;
import dev.certloom.api.command.CommandService;
import dev.certloom.api.service.CertificateRequest.AccountSpec;
import dev.certloom.core.impl.engine.Engine;
import dev.certloom.core.impl.engine.Engine.AccountInfo;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code register}: creates an account at the CA and stores it. */
final class RegisterVerb implements Verb {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterVerb.class);

    private final Engine engine;

    /** @param engine  the engine behind the verb */
    RegisterVerb(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String summary() {
        return "Create an account at the CA";
    }

    @Override
    public List<CoreFlag> flags() {
        return List.of(CoreFlag.EMAIL, CoreFlag.AGREE_TOS, CoreFlag.WITHOUT_EMAIL,
                CoreFlag.EFF_EMAIL, CoreFlag.NO_EFF_EMAIL, CoreFlag.SERVER, CoreFlag.STAGING);
    }

    @Override
    public int run(Invocation invocation) throws CertloomException {
        CommandOptions options = invocation.options();
        Console console = invocation.console();
        AccountSpec spec = options.account();
        if (spec.email() == null && !options.withoutEmail()) {
            spec = new AccountSpec(spec.server(), askEmail(console), spec.agreeTos());
        }

        LOG.info("Registering an account at {}", spec.server());
        AccountInfo account = engine.register(options.workspace(), spec, console);

        console.out().println("Account registered at " + account.server() + ".");
        console.out().println("Account URL: " + account.location());
        return CommandService.OK;
    }

    /** certbot asks for the address unless told to go without one. */
    private static String askEmail(Console console) throws ConfigurationException {
        String fix = "give -m EMAIL, or --register-unsafely-without-email to go without one.";
        if (!console.isInteractive()) {
            throw new ConfigurationException("No e-mail address was given for the new "
                    + "account; " + fix);
        }
        String email = console.readLine("Enter an e-mail address for notices about your "
                + "certificates and account: ").orElse("").strip();
        if (email.isEmpty()) {
            throw new ConfigurationException("No e-mail address was entered for the new "
                    + "account; " + fix);
        }
        return email;
    }
}
