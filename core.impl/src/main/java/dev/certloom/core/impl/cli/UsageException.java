package dev.certloom.core.impl.cli;

import dev.certloom.api.ConfigurationException;

/**
 * The command line cannot be understood: an unknown or ambiguous flag, a missing value,
 * a value outside the allowed ones. The command service answers it with exit code
 * {@link dev.certloom.api.command.CommandService#USAGE}.
 */
final class UsageException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    /** @param message the sentence shown to the user */
    UsageException(String message) {
        super(message);
    }
}
