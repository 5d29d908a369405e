package dev.certloom.api.service;

import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.OptionValues;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an embedder asks {@link CertificateService#obtain} for: the same choices as
 * {@code certonly} on the command line.
 *
 * @param names                the names, Unicode or ASCII; the first is the subject
 * @param certName             the lineage name, or {@code null} for the first name
 * @param authenticator        the name of the authenticator plugin
 * @param authenticatorOptions the values of the authenticator's options
 * @param preferredChallenges  the challenge types in order of preference, or empty for the
 *                             plugin's own order
 * @param account              the CA and account to use
 * @param key                  the kind of key to generate
 * @param preferredChain       the common name of the root to prefer among alternate
 *                             chains, or {@code null}
 * @param dryRun               whether to rehearse without saving anything
 */
public record CertificateRequest(List<String> names, String certName, String authenticator,
        OptionValues authenticatorOptions, List<ChallengeType> preferredChallenges,
        AccountSpec account, KeySpec key, String preferredChain, boolean dryRun) {

    public CertificateRequest {
        names = List.copyOf(names);
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authenticatorOptions, "authenticatorOptions");
        preferredChallenges = List.copyOf(preferredChallenges);
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
    }

    /** Returns the lineage name, if one was chosen. */
    public Optional<String> certNameIfSet() {
        return Optional.ofNullable(certName);
    }

    /** Returns the preferred chain's root name, if one was chosen. */
    public Optional<String> preferredChainIfSet() {
        return Optional.ofNullable(preferredChain);
    }

    /**
     * The certificate authority and the account there.
     *
     * @param server          the ACME directory URL
     * @param email           the contact address, or {@code null} to register without one
     * @param agreeTos        whether the user agrees to the CA's terms of service
     */
    public record AccountSpec(URI server, String email, boolean agreeTos) {

        public AccountSpec {
            Objects.requireNonNull(server, "server");
        }

        /** Returns the contact address, if one was given. */
        public Optional<String> emailIfSet() {
            return Optional.ofNullable(email);
        }
    }
}
