package dev.certloom.api;

/**
 * The root of every failure that Certloom reports to its callers.
 *
 * <p>The message is one sentence meant for the user: what failed, for which name, why,
 * and, where there is one, what to do about it. Subtypes say what kind of action can fix
 * the problem; callers that only report errors need no more than this type.
 */
public class CertloomException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the sentence shown to the user
     */
    public CertloomException(String message) {
        super(message);
    }

    /**
     * @param message the sentence shown to the user
     * @param cause   what went wrong underneath, kept for the log
     */
    public CertloomException(String message, Throwable cause) {
        super(message, cause);
    }
}
