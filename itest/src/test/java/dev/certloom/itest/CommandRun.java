package dev.certloom.itest;

import dev.certloom.api.command.CommandService;
import java.util.List;

/**
 * One command line run through the {@link CommandService}, with what it printed.
 *
 * @param exitCode the code the command returned
 * @param output   what it printed on the console's output stream
 * @param errors   what it printed on the console's error stream
 */
record CommandRun(int exitCode, String output, String errors) {

    /** What starts the line that names a plugin in the output of {@code plugins}. */
    private static final String ENTRY_MARK = "* ";

    /**
     * Runs a command line the way the launcher and the shell do.
     *
     * @param commands  the core's command service
     * @param arguments the words of the command line, such as {@code plugins}
     * @return the exit code and the output
     */
    static CommandRun of(CommandService commands, String... arguments) {
        CapturingConsole console = new CapturingConsole();
        int exitCode = commands.execute(List.of(arguments), console);
        return new CommandRun(exitCode, console.output(), console.errors());
    }

    /** Returns the plugin names that the output of {@code plugins} lists, in its order. */
    List<String> listedPlugins() {
        return output.lines()
                .filter(line -> line.startsWith(ENTRY_MARK))
                .map(line -> line.substring(ENTRY_MARK.length()).strip())
                .toList();
    }
}
