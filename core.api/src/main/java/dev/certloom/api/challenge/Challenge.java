package dev.certloom.api.challenge;

import dev.certloom.api.Identifier;

/**
 * One challenge that an authenticator must satisfy for one identifier. The subtypes say
 * exactly what must be published; they are the only kinds there are.
 */
public sealed interface Challenge permits Http01Challenge, Dns01Challenge, TlsAlpn01Challenge {

    /** Returns the identifier whose control this challenge proves, never {@code null}. */
    Identifier identifier();

    /** Returns the validation method. */
    ChallengeType type();
}
