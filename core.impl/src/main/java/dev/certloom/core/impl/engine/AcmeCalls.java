package dev.certloom.core.impl.engine;

import dev.certloom.api.AcmeProblemException;
import dev.certloom.api.CertloomException;
import dev.certloom.api.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests to the CA: transient failures are retried with back-off a bounded number
 * of times, and what is left is turned into Certloom's exceptions with one sentence.
 * acme4j itself already retries a rejected nonce (RFC 8555 section 6.5) a few times; a
 * badNonce that still comes through is retried here like any transient error.
 */
final class AcmeCalls {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeCalls.class);
    private static final int ATTEMPTS = 5;
    private static final String ERROR = "urn:ietf:params:acme:error:";

    /** A request to the CA. */
    @FunctionalInterface
    interface Request<T> {
        T send() throws AcmeException;
    }

    private AcmeCalls() {
    }

    /**
     * Sends a request, retrying transient failures.
     *
     * @param what    what the request does, for messages: "create the order for a.example"
     * @param request the request
     * @return its result
     * @throws CertloomException when the CA refuses or stays unreachable
     */
    static <T> T send(String what, Request<T> request) throws CertloomException {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3),
                Duration.ofSeconds(60));
        for (int attempt = 1; ; attempt++) {
            try {
                return request.send();
            } catch (AcmeException e) {
                if (!isTransient(e) || attempt >= ATTEMPTS || backoff.expired()) {
                    throw translate(what, e);
                }
                LOG.debug("Retrying to {} after a transient failure (attempt {}): {}",
                        what, attempt, e.getMessage());
                backoff.pause(Optional.empty());
            }
        }
    }

    /** Returns whether trying the same request again may succeed. */
    static boolean isTransient(AcmeException e) {
        if (e instanceof AcmeNetworkException) {
            // An untrusted certificate stays untrusted: asking again only delays the error.
            return !isTrustFailure(e);
        }
        if (e instanceof AcmeServerException server && !(e instanceof AcmeRateLimitedException)) {
            String type = server.getType().toString();
            return type.equals(ERROR + "badNonce") || type.equals(ERROR + "serverInternal");
        }
        return false;
    }

    /** Turns an acme4j failure into a Certloom exception whose message says what failed. */
    static CertloomException translate(String what, AcmeException e) {
        if (e instanceof AcmeRateLimitedException limited) {
            Instant retry = limited.getRetryAfter().orElse(null);
            return new RateLimitException("The CA refused to " + what
                    + " because a rate limit was reached"
                    + (retry == null ? "" : "; try again after " + retry) + ".", retry, e);
        }
        if (e instanceof AcmeUserActionRequiredException action) {
            String terms = action.getTermsOfServiceUri().map(Object::toString).orElse("");
            return new AcmeProblemException("The CA refused to " + what
                    + " until you act on its request" + (terms.isEmpty() ? "" : " (see " + terms
                    + ")") + ": " + detail(action.getProblem()) + ".",
                    action.getType().toString(), List.of(), e);
        }
        if (e instanceof AcmeServerException server) {
            Problem problem = server.getProblem();
            List<AcmeProblemException.Subproblem> subproblems = problem.getSubProblems().stream()
                    .map(p -> new AcmeProblemException.Subproblem(
                            p.getIdentifier().map(i -> i.getValue()).orElse(null),
                            p.getType().toString(), detail(p)))
                    .toList();
            return new AcmeProblemException("The CA refused to " + what + ": "
                    + detail(problem) + " (" + shortType(problem) + ").",
                    problem.getType().toString(), subproblems, e);
        }
        if (e instanceof AcmeNetworkException && isTrustFailure(e)) {
            return new CertloomException("Could not " + what + " because the ACME server's "
                    + "TLS certificate is not trusted (" + rootMessage(e) + "); if the CA uses a "
                    + "private root, name its PEM file in " + TrustBundle.CERTLOOM_VARIABLE + ".",
                    e);
        }
        if (e instanceof AcmeNetworkException) {
            return new CertloomException("Could not reach the ACME server to " + what + ": "
                    + rootMessage(e) + ". Check --server and the network.", e);
        }
        return new CertloomException("Could not " + what + ": " + e.getMessage() + ".", e);
    }

    /** Returns what the CA said, without a trailing full stop. */
    static String detail(Problem problem) {
        String text = problem.getDetail().or(problem::getTitle).orElse("no detail given");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Returns the problem type without the ACME namespace, such as {@code connection}. */
    static String shortType(Problem problem) {
        String type = problem.getType().toString();
        return type.startsWith(ERROR) ? type.substring(ERROR.length()) : type;
    }

    private static boolean isTrustFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException
                    || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
