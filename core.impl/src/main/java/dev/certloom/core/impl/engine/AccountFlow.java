package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import dev.certloom.api.ConfigurationException;
import dev.certloom.api.Console;
import dev.certloom.api.StorageException;
import dev.certloom.api.service.CertificateRequest.AccountSpec;
import dev.certloom.core.impl.storage.AccountStore;
import dev.certloom.core.impl.storage.AccountStore.StoredAccount;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Metadata;
import org.shredzone.acme4j.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account at a CA (RFC 8555 section 7.3): the stored one when there is one, which
 * costs no request, else a new registration with the user's agreement to the terms.
 */
final class AccountFlow {

    private static final Logger LOG = LoggerFactory.getLogger(AccountFlow.class);

    private final Session session;
    private final AccountStore store;
    private final Console console;

    AccountFlow(Session session, AccountStore store, Console console) {
        this.session = session;
        this.store = store;
        this.console = console;
    }

    /** Logs in with the stored account, registering one first when there is none. */
    Login login(AccountSpec spec) throws CertloomException {
        Optional<StoredAccount> stored = store.find(spec.server());
        if (stored.isPresent()) {
            LOG.debug("Using account {} for {}", stored.get().id(), spec.server());
            return session.login(toUrl(stored.get().location()), stored.get().keyPair());
        }
        return register(spec).login();
    }

    /** A new account with its login. */
    record Registered(StoredAccount account, Login login) {
    }

    /**
     * Registers a new account and stores it.
     *
     * @throws CertloomException when the user does not agree to the terms, the CA refuses,
     *                           or storing fails
     */
    Registered register(AccountSpec spec) throws CertloomException {
        Metadata metadata = AcmeCalls.send("read the directory of " + spec.server(),
                session::getMetadata);
        Optional<URI> terms = metadata.getTermsOfService();
        boolean agreed = spec.agreeTos() || terms.isEmpty() || askAgreement(terms.get());
        if (!agreed) {
            throw new ConfigurationException("You must agree to the terms of service of "
                    + spec.server() + " (" + terms.get() + ") to register; give --agree-tos "
                    + "if you do.");
        }
        KeyPair key = Keys.accountKey();
        AccountBuilder builder = new AccountBuilder().useKeyPair(key).agreeToTermsOfService();
        List<String> emails = emailsOf(spec);
        emails.forEach(builder::addEmail);
        // Registering again with the same key returns the same account (RFC 8555
        // section 7.3.1), so a retry after a lost answer creates no duplicate.
        Login login = AcmeCalls.send("register an account at " + spec.server(),
                () -> builder.createLogin(session));
        List<String> contacts = emails.stream().map(e -> "mailto:" + e).toList();
        StoredAccount account = store.save(spec.server(), key, toUri(login), contacts);
        LOG.info("Registered account {} at {}", account.id(), spec.server());
        return new Registered(account, login);
    }

    /** certbot's {@code -m} takes a comma-separated list of addresses. */
    static List<String> emailsOf(AccountSpec spec) {
        return spec.emailIfSet().stream()
                .flatMap(e -> java.util.Arrays.stream(e.split(",")))
                .map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    private boolean askAgreement(URI terms) throws ConfigurationException {
        if (!console.isInteractive()) {
            throw new ConfigurationException("Registering an account needs your agreement to "
                    + "the CA's terms of service at " + terms + "; add --agree-tos.");
        }
        console.out().println("Please read the terms of service at " + terms + ".");
        Optional<String> answer = console.readLine(
                "You must agree to them to register with the ACME server. Do you agree? "
                + "(Y)es/(N)o: ");
        return answer.map(a -> a.trim().toLowerCase(Locale.ROOT).startsWith("y")).orElse(false);
    }

    private static java.net.URL toUrl(URI location) throws StorageException {
        try {
            return location.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new StorageException("The stored account URL " + location
                    + " is not a URL; remove the account folder and register again.", e);
        }
    }

    private static URI toUri(Login login) throws CertloomException {
        try {
            return login.getAccountLocation().toURI();
        } catch (URISyntaxException e) {
            throw new CertloomException("The CA answered with a bad account URL: "
                    + login.getAccountLocation() + ".", e);
        }
    }
}
