package dev.certloom.core.impl.hooks;

import dev.certloom.api.ConfigurationException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * certbot's hook validation: the first word of a hook command must name an executable,
 * either as a path or found on the {@code PATH}. Like certbot, the system folders
 * ({@code /usr/sbin}, {@code /sbin}, ...) count as part of the {@code PATH} even when cron
 * left them out, and hooks run with them appended, so that {@code --pre-hook "service nginx
 * stop"} works from a minimal cron environment. This only catches typos: what the shell
 * makes of the rest of the command is found out when it runs.
 */
final class HookCommandCheck {

    /** Appended to the {@code PATH} when missing, as certbot does for its hooks. */
    static final List<String> SYSTEM_FOLDERS = List.of("/usr/local/sbin", "/usr/local/bin",
            "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private HookCommandCheck() {
    }

    /**
     * Checks one hook command.
     *
     * @param kind    the hook's kind as the flag names it, such as {@code "pre"}
     * @param command the command line
     * @param path    the {@code PATH} to search, as {@link #searchPath} gives it
     * @throws ConfigurationException when the first word names no executable
     */
    static void check(String kind, String command, String path)
            throws ConfigurationException {
        String program = command.strip().split("\\s+", 2)[0];
        if (program.contains("/")) {
            Optional<Path> file = asPath(program);
            if (file.isPresent() && Files.isRegularFile(file.get())
                    && Files.isExecutable(file.get())) {
                return;
            }
            throw new ConfigurationException(file.isPresent() && Files.exists(file.get())
                    ? "The --" + kind + "-hook command " + program + " exists but is not an "
                            + "executable file; make it executable (chmod +x) or fix the path."
                    : "The --" + kind + "-hook command " + program + " does not exist; give "
                            + "the path of an executable.");
        }
        for (String folder : path.split(File.pathSeparator)) {
            Optional<Path> candidate = asPath(folder.isEmpty() ? "." : folder)
                    .map(f -> f.resolve(program));
            if (candidate.isPresent() && Files.isRegularFile(candidate.get())
                    && Files.isExecutable(candidate.get())) {
                return;
            }
        }
        throw new ConfigurationException("The --" + kind + "-hook command " + program
                + " was not found on the PATH (" + path + "); install it, or give its full "
                + "path.");
    }

    /**
     * Returns a {@code PATH} with the system folders appended that it lacks.
     *
     * @param path the process's {@code PATH}, or {@code null} when unset
     */
    static String searchPath(String path) {
        Set<String> folders = new LinkedHashSet<>();
        if (path != null && !path.isEmpty()) {
            folders.addAll(List.of(path.split(File.pathSeparator, -1)));
        }
        List<String> all = new ArrayList<>(folders);
        for (String folder : SYSTEM_FOLDERS) {
            if (!folders.contains(folder)) {
                all.add(folder);
            }
        }
        return String.join(File.pathSeparator, all);
    }

    private static Optional<Path> asPath(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
