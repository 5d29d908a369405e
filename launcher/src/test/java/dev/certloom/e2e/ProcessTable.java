package dev.certloom.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What runs on the machine right now, for tests that check nothing was left behind. */
final class ProcessTable {

    private ProcessTable() {
    }

    /** Lists "STAT ARGS" of every process that has not exited (zombies left out). */
    static List<String> runningProcesses() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-e", "-o", "stat=,args=")
                .redirectErrorStream(true).start();
        String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        return listing.lines().map(String::trim).filter(l -> !l.startsWith("Z")).toList();
    }

    /** Returns whether a process exists and is not a zombie. */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException e) {
            return false;
        }
        return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    }
}
