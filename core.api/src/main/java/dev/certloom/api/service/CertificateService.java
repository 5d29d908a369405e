package dev.certloom.api.service;

import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Obtains and lists certificates for programs that embed Certloom. The core registers one
 * instance, configured through Config Admin (folders, defaults). Thread-safe; runs that
 * touch the same folders wait for each other's locks or fail naming the folder.
 */
@ProviderType
public interface CertificateService {

    /**
     * Obtains a certificate and stores it as a lineage, creating the account when the
     * request's CA has none stored yet. Posts {@link CertificateEvents#ISSUED} on success
     * and {@link CertificateEvents#FAILED} on failure.
     *
     * @param request what to obtain
     * @param console where questions and progress go; a non-interactive one is fine
     * @return the stored lineage; for a dry run, one whose files were not kept
     * @throws CertloomException when any step fails; nothing half-written is left
     */
    Lineage obtain(CertificateRequest request, Console console) throws CertloomException;

    /**
     * Lists the stored lineages, sorted by name.
     *
     * @throws CertloomException when the configuration folder cannot be read
     */
    List<Lineage> lineages() throws CertloomException;
}
