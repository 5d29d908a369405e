package dev.certloom.plugin.manual;

import dev.certloom.api.ConfigurationException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks, before any order, that the program a hook command starts exists and may be
 * executed, as certbot does: the first word of the command, after leading variable
 * assignments, is looked up as a path when it holds a slash, otherwise on {@code PATH}.
 * Stateless.
 */
final class HookCommand {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

    private HookCommand() {
    }

    /**
     * Checks a hook command.
     *
     * @param command the command line, as {@code /bin/sh -c} will run it
     * @param flag    the flag it was given with, for the message
     * @throws ConfigurationException when its program is missing or not executable
     */
    static void check(String command, String flag) throws ConfigurationException {
        String program = program(command).orElseThrow(() -> new ConfigurationException(
                "The " + flag + " command '" + command + "' names no program; give the"
                        + " command that runs the hook."));
        if (program.contains("/")) {
            Path path = path(program, flag);
            if (!Files.exists(path)) {
                throw new ConfigurationException("The " + flag + " program " + program
                        + " does not exist; give the path of an existing script.");
            }
            if (Files.isDirectory(path) || !Files.isExecutable(path)) {
                throw new ConfigurationException("The " + flag + " program " + program
                        + " exists but is not executable; run chmod +x on it.");
            }
            return;
        }
        if (onPath(program).isEmpty()) {
            throw new ConfigurationException("The " + flag + " program " + program + " is not"
                    + " on the PATH; give its full path or install it.");
        }
    }

    /** Returns the first word of a command that is not a variable assignment. */
    static Optional<String> program(String command) {
        int at = 0;
        while (at < command.length()) {
            StringBuilder word = new StringBuilder();
            at = readWord(command, skipBlanks(command, at), word);
            if (word.length() > 0 && !ASSIGNMENT.matcher(word).matches()) {
                return Optional.of(word.toString());
            }
        }
        return Optional.empty();
    }

    private static int skipBlanks(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Reads one shell word, removing quotes and backslashes; returns where it ended. */
    private static int readWord(String text, int start, StringBuilder word) {
        int i = start;
        char quote = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                break;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                i++;
                word.append(text.charAt(i));
            } else {
                word.append(c);
            }
            i++;
        }
        return i;
    }

    private static Path path(String program, String flag) throws ConfigurationException {
        try {
            return Path.of(program);
        } catch (InvalidPathException e) {
            throw new ConfigurationException("The " + flag + " program " + program
                    + " is not a valid path; give the path of an existing script.", e);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
