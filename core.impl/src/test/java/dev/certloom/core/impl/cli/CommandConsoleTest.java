package dev.certloom.core.impl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandConsoleTest {

    @ParameterizedTest(name = "terminal={0} -n={1} --force-interactive={2} asks={3}")
    @CsvSource({
        "true,  false, false, true",
        "false, false, false, false",
        "false, false, true,  true",
        "true,  true,  false, false",
        "false, true,  true,  false"})
    void asksOnlyWhenTheFlagsAndTheTerminalAllowIt(boolean terminal, boolean nonInteractive,
            boolean forceInteractive, boolean asks) {
        CommandConsole console = new CommandConsole(new FakeConsole(terminal, "yes"), false,
                nonInteractive, forceInteractive);

        assertThat(console.isInteractive()).isEqualTo(asks);
        assertThat(console.readLine("? ")).isEqualTo(
                asks ? Optional.of("yes") : Optional.empty());
    }
}
