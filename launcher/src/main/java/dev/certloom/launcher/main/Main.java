package dev.certloom.launcher.main;

import dev.certloom.api.command.CommandService;
import dev.certloom.launcher.console.LogSetup;
import dev.certloom.launcher.console.StreamConsole;
import java.io.IOException;
import java.util.List;

/** Runs one Certloom command, or the shell, and exits with its code. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with the command's exit code.
     *
     * @param args certbot-style arguments, or {@code shell}
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.contains("--version")) {
            // Answered before the framework starts: scripts call it often.
            System.out.println("certloom " + BuildInfo.version());
            return CommandService.OK;
        }
        boolean shell = !args.isEmpty() && args.get(0).equals("shell");
        FrameworkRuntime runtime;
        try {
            runtime = FrameworkRuntime.start(shell);
        } catch (IOException | RuntimeException e) {
            System.err.println("Certloom could not start its runtime: " + e.getMessage());
            return CommandService.FAILED;
        }
        if (shell) {
            try {
                runtime.awaitShutdown();
                return CommandService.OK;
            } catch (IOException e) {
                System.err.println(e.getMessage());
                return CommandService.FAILED;
            } finally {
                runtime.stop();
            }
        }
        try {
            StreamConsole console = new StreamConsole(System.in, System.out, System.err,
                    System.console() != null, LogSetup::configure);
            return runtime.commandService().execute(args, console);
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return CommandService.FAILED;
        } finally {
            // The process ends right after a command: stopping every bundle first would
            // cost a third of a second and change nothing on disk, because bundles are
            // started transiently and the command has released its locks and files.
            runtime.release();
        }
    }
}
