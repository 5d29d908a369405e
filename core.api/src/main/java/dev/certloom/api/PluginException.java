package dev.certloom.api;

import java.util.Optional;

/**
 * A plugin could not do its part, for instance publish a challenge or change a server's
 * configuration. It may carry a hint: what the user can check so that the CA can reach
 * what the plugin published.
 */
public class PluginException extends CertloomException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    /** @param message the sentence shown to the user */
    public PluginException(String message) {
        this(message, null, null);
    }

    /**
     * @param message the sentence shown to the user
     * @param hint    what to check, or {@code null}
     * @param cause   what went wrong underneath, or {@code null}
     */
    public PluginException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** Returns the advice for the user, if the plugin has one. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
