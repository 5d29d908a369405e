package dev.certloom.api;

/**
 * The request or configuration is wrong: a bad flag, a malformed name, an absent plugin.
 * The user fixes it by changing what they asked for; retrying unchanged cannot succeed.
 */
public class ConfigurationException extends CertloomException {

    private static final long serialVersionUID = 1L;

    /** @param message the sentence shown to the user */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message the sentence shown to the user
     * @param cause   what went wrong underneath
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
