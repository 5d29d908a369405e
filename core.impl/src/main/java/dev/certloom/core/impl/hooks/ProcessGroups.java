package dev.certloom.core.impl.hooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Finds the live processes of a process group by reading Linux's {@code /proc}. The JDK
 * has no notion of process groups, and {@link ProcessHandle#descendants()} loses a
 * process as soon as its parent exits (it is re-parented to init but stays in the group).
 */
final class ProcessGroups {

    private static final Path PROC = Path.of("/proc");

    private ProcessGroups() {
    }

    /**
     * Returns the pids of the processes in a group that have not exited. Zombies are left
     * out: they run nothing and vanish once their parent or init reaps them.
     *
     * @param group the process group id
     * @return the pids, possibly none; none also when {@code /proc} cannot be read
     */
    static Stream<Long> members(long group) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                OptionalLong pid = groupMember(entry, group);
                if (pid.isPresent()) {
                    pids.add(pid.getAsLong());
                }
            }
        } catch (IOException e) {
            return Stream.empty();
        }
        return pids.stream();
    }

    private static OptionalLong groupMember(Path processFolder, long group) {
        String stat;
        try {
            stat = Files.readString(processFolder.resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The process ended between listing and reading.
            return OptionalLong.empty();
        }
        // proc(5): "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses,
        // so the fields are counted from the last closing parenthesis.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 2).split(" ");
        if (fields.length < 3 || "Z".equals(fields[0]) || "X".equals(fields[0])) {
            return OptionalLong.empty();
        }
        if (Long.parseLong(fields[2]) != group) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(processFolder.getFileName().toString()));
    }
}
