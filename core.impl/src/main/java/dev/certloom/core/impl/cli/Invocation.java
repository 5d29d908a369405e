package dev.certloom.core.impl.cli;

import dev.certloom.api.Console;

/**
 * One command as a verb receives it.
 *
 * @param options the meaning of its flags
 * @param console the caller's console, shaped by {@code -n} and {@code -q}
 */
record Invocation(CommandOptions options, Console console) {
}
