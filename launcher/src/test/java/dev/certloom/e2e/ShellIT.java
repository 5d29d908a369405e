package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certloom.jar shell} driven through a pipe, as a script would: the Gogo shell reads
 * commands from standard input, lists the bundles, runs a Certloom command and ends when
 * told to.
 */
class ShellIT {

    @Test
    void shellRunsCommandsFromStandardInputAndEnds(@TempDir Path root) throws IOException {
        Certloom certloom = Certloom.plain(Files.createDirectories(root.resolve("runs")));

        CommandResult result = certloom.runWithInput("lb\ncertloom:plugins\nstop 0\n",
                List.of("shell"));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe())
                .containsPattern("Active\\s*\\|\\s*\\d+\\s*\\|\\s*Certloom core")
                .contains("* webroot", "* standalone");
    }
}
