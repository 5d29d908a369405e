package dev.certloom.plugin.standalone;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.ChallengeType;

/**
 * Answers the certificate authority's validation requests of one challenge type from a
 * socket of its own, bound before the run starts. HTTP-01 is one; TLS-ALPN-01 (RFC 8737)
 * would be another, on port 443. Publishing and withdrawing are thread-safe, because the
 * answers go out from the responder's own threads.
 */
interface ChallengeResponder extends AutoCloseable {

    /** Returns the challenge type this responder answers. */
    ChallengeType type();

    /** Returns the TCP port it listens on. */
    int port();

    /**
     * Starts answering for a challenge.
     *
     * @param challenge a challenge of {@link #type()}
     * @throws PluginException when the challenge is of another type
     */
    void publish(Challenge challenge) throws PluginException;

    /** Stops answering for a challenge; one never published is ignored. */
    void withdraw(Challenge challenge);

    /** Stops listening, frees the port and ends the responder's threads. Never throws. */
    @Override
    void close();
}
