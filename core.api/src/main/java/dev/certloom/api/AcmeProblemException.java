package dev.certloom.api;

import java.util.List;
import java.util.Objects;

/**
 * The certificate authority refused a request and said why in a problem document
 * (RFC 8555 section 6.7). The problem type and any subproblems are kept, so that a caller
 * can tell a wrong e-mail address from a failed validation.
 */
public class AcmeProblemException extends CertloomException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final List<Subproblem> subproblems;

    /**
     * One problem for a single identifier of a larger request (RFC 8555 section 6.7.1).
     *
     * @param identifier the name concerned, or {@code null} if the CA did not say
     * @param type       the problem type URN
     * @param detail     the CA's explanation
     */
    public record Subproblem(String identifier, String type, String detail) {
    }

    /**
     * @param message     the sentence shown to the user
     * @param type        the problem type URN, such as
     *                    {@code urn:ietf:params:acme:error:unauthorized}
     * @param subproblems the problems per identifier, possibly empty
     * @param cause       what went wrong underneath, or {@code null}
     */
    public AcmeProblemException(String message, String type, List<Subproblem> subproblems,
            Throwable cause) {
        super(message, cause);
        this.type = Objects.requireNonNull(type, "type");
        this.subproblems = List.copyOf(subproblems);
    }

    /** Returns the problem type URN, never {@code null}. */
    public String type() {
        return type;
    }

    /** Returns the subproblems, never {@code null}. */
    public List<Subproblem> subproblems() {
        return subproblems;
    }
}
