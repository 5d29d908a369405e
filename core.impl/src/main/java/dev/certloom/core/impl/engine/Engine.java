package dev.certloom.core.impl.engine;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.CertificateRequest.AccountSpec;
import dev.certloom.api.service.Lineage;
import dev.certloom.core.impl.storage.Workspace;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The operations behind the commands. Each takes the workspace it runs in, because the
 * command line chooses folders per command, and holds the workspace's locks while it
 * runs. Thread-safe.
 */
public interface Engine {

    /**
     * Obtains a certificate and stores it as a new lineage, registering an account at the
     * CA first when none is stored for it.
     *
     * @param workspace where to store it
     * @param request   what to obtain; names are checked before anything is sent
     * @param console     where questions and progress go
     * @param hookTimeout how long each of the authenticator's own hooks may run
     * @return the stored lineage
     * @throws CertloomException when any step fails
     */
    Lineage obtain(Workspace workspace, CertificateRequest request, Console console,
            Duration hookTimeout) throws CertloomException;

    /**
     * Lists the lineages of a workspace, sorted by name.
     *
     * @throws CertloomException when the configuration folder cannot be read
     */
    List<Lineage> lineages(Workspace workspace) throws CertloomException;

    /**
     * Registers a new account at a CA, or fails when one is stored for it already.
     *
     * @throws CertloomException when the CA refuses or storing fails
     */
    AccountInfo register(Workspace workspace, AccountSpec spec, Console console)
            throws CertloomException;

    /**
     * Returns the stored account for a CA as the CA knows it now.
     *
     * @return the account, or empty when none is stored for that CA
     * @throws CertloomException when the CA cannot be asked
     */
    Optional<AccountInfo> account(Workspace workspace, URI server) throws CertloomException;

    /**
     * An account as {@code register} and {@code show_account} report it.
     *
     * @param id       certbot's account id, the folder name under {@code accounts/}
     * @param server   the ACME directory URL
     * @param location the account URL at the CA
     * @param contacts the contact URIs, such as {@code mailto:admin@example.org}
     */
    record AccountInfo(String id, URI server, URI location, List<String> contacts) {

        public AccountInfo {
            contacts = List.copyOf(contacts);
        }
    }
}
