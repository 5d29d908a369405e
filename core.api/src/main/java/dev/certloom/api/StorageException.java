package dev.certloom.api;

/**
 * Certloom could not read or write its own files: the configuration, work or logs
 * folder, a lineage, an account, or a lock held by another run.
 */
public class StorageException extends CertloomException {

    private static final long serialVersionUID = 1L;

    /** @param message the sentence shown to the user */
    public StorageException(String message) {
        super(message);
    }

    /**
     * @param message the sentence shown to the user
     * @param cause   what went wrong underneath
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
