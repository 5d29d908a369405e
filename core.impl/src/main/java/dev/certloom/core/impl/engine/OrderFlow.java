package dev.certloom.core.impl.engine;

import dev.certloom.api.AcmeProblemException;
import dev.certloom.api.AcmeProblemException.Subproblem;
import dev.certloom.api.CertloomException;
import dev.certloom.api.Console;
import dev.certloom.api.Identifier;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import dev.certloom.api.challenge.TlsAlpn01Challenge;
import dev.certloom.api.plugin.Authentication;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One certificate from order to chain (RFC 8555 section 7.4): a single order for every
 * name, one challenge per pending authorization handed to the authenticator as one batch,
 * all triggered at once, polled with a short growing interval, cleaned up whatever
 * happened; then the key, the CSR, finalization and the download.
 */
final class OrderFlow {

    private static final Logger LOG = LoggerFactory.getLogger(OrderFlow.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(40);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(3);
    private static final Duration VALIDATION_TIME = Duration.ofMinutes(5);

    private final Login login;
    private final Console console;

    /** What the CA issued, leaf first, and the key that belongs to it. */
    record Issued(List<X509Certificate> chain, KeyPair keyPair) {
    }

    /** A challenge the CA offered, paired with what the plugin must publish for it. */
    private record Pending(Authorization authorization,
            org.shredzone.acme4j.challenge.Challenge acme, Challenge value) {
    }

    OrderFlow(Login login, Console console) {
        this.login = login;
        this.console = console;
    }

    /**
     * Obtains a certificate.
     *
     * @param names          the ASCII names, subject first
     * @param authentication the authenticator's run, already prepared
     * @param selector       which challenge type to answer per name
     * @param plugin         the authenticator's name, for messages
     * @param keys           makes the certificate's key
     * @param preferredChain the issuer name of the preferred chain, or {@code null}
     */
    Issued issue(List<String> names, Authentication authentication, ChallengeSelector selector,
            String plugin, KeyMaker keys, String preferredChain) throws CertloomException {
        String subject = names.get(0);
        Order order = AcmeCalls.send("create the order for " + subject,
                () -> login.newOrder().domains(names).create());
        LOG.info("Ordered a certificate for {} ({} names in all)", subject, names.size());

        authorize(order, subject, authentication, selector, plugin);

        await(order, Set.of(Status.READY, Status.VALID), "get the order for " + subject
                + " ready");
        KeyPair keyPair = keys.make();
        AcmeCalls.send("finalize the order for " + subject, () -> {
            order.execute(keyPair);
            return null;
        });
        await(order, Set.of(Status.VALID), "get the certificate for " + subject + " issued");

        Certificate certificate = choose(order.getCertificate(), subject, preferredChain);
        LOG.info("The CA issued the certificate for {}", subject);
        return new Issued(certificate.getCertificateChain(), keyPair);
    }

    /** Makes the certificate key once the names are authorized. */
    @FunctionalInterface
    interface KeyMaker {
        KeyPair make() throws CertloomException;
    }

    private void authorize(Order order, String subject, Authentication authentication,
            ChallengeSelector selector, String plugin) throws CertloomException {
        List<Pending> pending = new ArrayList<>();
        for (Authorization authorization : order.getAuthorizations()) {
            AcmeCalls.send("read the authorization for " + subject, authorization::fetch);
            if (authorization.getStatus() == Status.VALID) {
                LOG.debug("The CA already trusts this account for {}", nameOf(authorization));
                continue;
            }
            pending.add(pendingFor(authorization, selector, plugin));
        }
        if (pending.isEmpty()) {
            return;
        }
        List<Challenge> batch = pending.stream().map(Pending::value).toList();
        console.out().println("Proving control of " + describe(batch) + " with " + plugin
                + "...");
        try {
            authentication.perform(batch);
            for (Pending p : pending) {
                AcmeCalls.send("start the validation of " + p.value().identifier(), () -> {
                    p.acme().trigger();
                    return null;
                });
            }
            awaitAuthorizations(pending, plugin);
        } finally {
            cleanUp(authentication, batch, subject);
        }
    }

    private static void cleanUp(Authentication authentication, List<Challenge> batch,
            String subject) {
        try {
            authentication.cleanup(batch);
        } catch (CertloomException | RuntimeException e) {
            // A failed cleanup must not hide why the run failed; it is reported apart.
            LOG.warn("Cleaning up the challenges of {} failed: {}; remove what is left by "
                    + "hand", subject, e.getMessage(), e);
        }
    }

    private Pending pendingFor(Authorization authorization, ChallengeSelector selector,
            String plugin) throws CertloomException {
        String name = nameOf(authorization);
        List<String> offered = authorization.getChallenges().stream()
                .map(org.shredzone.acme4j.challenge.Challenge::getType).toList();
        ChallengeType type = selector.choose(name, offered, plugin);
        org.shredzone.acme4j.challenge.Challenge acme =
                authorization.findChallenge(type.token()).orElseThrow();
        return new Pending(authorization, acme, valueOf(name, type, acme, authorization));
    }

    private static Challenge valueOf(String name, ChallengeType type,
            org.shredzone.acme4j.challenge.Challenge acme, Authorization authorization)
            throws CertloomException {
        Identifier identifier = Identifier.dns(name);
        switch (type) {
            case HTTP_01: {
                var http = (org.shredzone.acme4j.challenge.Http01Challenge) acme;
                return new Http01Challenge(identifier, http.getToken(), http.getAuthorization());
            }
            case DNS_01: {
                var dns = (org.shredzone.acme4j.challenge.Dns01Challenge) acme;
                String record = dns.getRRName(authorization.getIdentifier());
                return new Dns01Challenge(identifier, stripDot(record), dns.getDigest());
            }
            default: {
                var alpn = (org.shredzone.acme4j.challenge.TlsAlpn01Challenge) acme;
                return tlsAlpnValue(identifier, alpn);
            }
        }
    }

    /**
     * Builds what a plugin presents for TLS-ALPN-01: a fresh key and a self-signed
     * certificate for the name with the critical acmeIdentifier extension holding the
     * SHA-256 digest of the key authorization (RFC 8737 section 3).
     *
     * @param identifier the name, as plugins see it
     * @param alpn       the CA's challenge
     * @throws CertloomException when the key or the certificate cannot be made
     */
    static TlsAlpn01Challenge tlsAlpnValue(Identifier identifier,
            org.shredzone.acme4j.challenge.TlsAlpn01Challenge alpn) throws CertloomException {
        return ValidationCertificates.challenge(identifier, alpn.getAcmeValidation());
    }

    private void awaitAuthorizations(List<Pending> pending, String plugin)
            throws CertloomException {
        List<Pending> open = new ArrayList<>(pending);
        List<Subproblem> failures = new ArrayList<>();
        Backoff backoff = new Backoff(FIRST_POLL, LONGEST_POLL, VALIDATION_TIME);
        Optional<java.time.Instant> retryAfter = Optional.empty();
        while (!open.isEmpty()) {
            backoff.pause(retryAfter);
            retryAfter = Optional.empty();
            for (Pending p : List.copyOf(open)) {
                Optional<java.time.Instant> asked = AcmeCalls.send("check the validation of "
                        + p.value().identifier(), p.authorization()::fetch);
                Status status = p.authorization().getStatus();
                if (status == Status.VALID) {
                    LOG.info("The CA validated {} by {}", p.value().identifier(),
                            p.value().type());
                    open.remove(p);
                } else if (status != Status.PENDING) {
                    failures.add(failureOf(p));
                    open.remove(p);
                }
                retryAfter = asked.isPresent() ? asked : retryAfter;
            }
            if (!open.isEmpty() && backoff.expired()) {
                throw new CertloomException("The CA did not finish validating "
                        + open.get(0).value().identifier() + " within "
                        + VALIDATION_TIME.toMinutes() + " minutes; try again later.");
            }
        }
        if (!failures.isEmpty()) {
            throw validationFailed(failures, plugin);
        }
    }

    private Subproblem failureOf(Pending p) throws CertloomException {
        AcmeCalls.send("read the challenge of " + p.value().identifier(), p.acme()::fetch);
        Optional<Problem> error = p.acme().getError();
        String type = error.map(e -> e.getType().toString())
                .orElse("urn:ietf:params:acme:error:unauthorized");
        String detail = error.map(AcmeCalls::detail).orElse("the authorization became "
                + p.authorization().getStatus().name().toLowerCase(java.util.Locale.ROOT));
        LOG.error("The CA could not validate {} by {}: {}", p.value().identifier(),
                p.value().type(), detail);
        return new Subproblem(p.value().identifier().value(), type, detail);
    }

    private static AcmeProblemException validationFailed(List<Subproblem> failures,
            String plugin) {
        Subproblem first = failures.get(0);
        String others = failures.size() > 1
                ? " (and " + (failures.size() - 1) + " more name(s), see the log)" : "";
        String type = first.type().replace("urn:ietf:params:acme:error:", "");
        return new AcmeProblemException("The CA could not validate " + first.identifier()
                + others + ": " + first.detail() + " (" + type + "); check that what the "
                + plugin + " plugin publishes is reachable from the internet for that name.",
                first.type(), failures, null);
    }

    private static void await(Order order, Set<Status> wanted, String what)
            throws CertloomException {
        Backoff backoff = new Backoff(FIRST_POLL, LONGEST_POLL, VALIDATION_TIME);
        while (true) {
            Optional<java.time.Instant> retryAfter = AcmeCalls.send(what, order::fetch);
            Status status = order.getStatus();
            if (wanted.contains(status)) {
                return;
            }
            if (status == Status.INVALID) {
                String why = order.getError().map(AcmeCalls::detail).orElse("no reason given");
                throw new CertloomException("The CA refused to " + what + ": " + why + ".");
            }
            if (backoff.expired()) {
                throw new CertloomException("The CA did not " + what + " in time (status "
                        + status + "); try again later.");
            }
            backoff.pause(retryAfter);
        }
    }

    private static Certificate choose(Certificate issued, String subject, String preferred)
            throws CertloomException {
        AcmeCalls.send("download the certificate for " + subject, () -> {
            issued.download();
            return null;
        });
        if (preferred == null || issued.isIssuedBy(preferred)) {
            return issued;
        }
        for (Certificate alternate : issued.getAlternateCertificates()) {
            AcmeCalls.send("download an alternate chain for " + subject, () -> {
                alternate.download();
                return null;
            });
            if (alternate.isIssuedBy(preferred)) {
                LOG.info("Using the alternate chain issued by {} for {}", preferred, subject);
                return alternate;
            }
        }
        LOG.info("No chain for {} is issued by {}; using the default chain", subject, preferred);
        return issued;
    }

    private static String nameOf(Authorization authorization) {
        String base = authorization.getIdentifier().getValue();
        return authorization.isWildcard() ? "*." + base : base;
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String describe(List<Challenge> batch) {
        Challenge first = batch.get(0);
        return first.identifier() + (batch.size() > 1 ? " and " + (batch.size() - 1)
                + " more name(s)" : "") + " (" + first.type() + ")";
    }
}
