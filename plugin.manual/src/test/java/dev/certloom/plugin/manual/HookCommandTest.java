package dev.certloom.plugin.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HookCommandTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("/etc/hooks/auth.sh", "/etc/hooks/auth.sh"),
                Arguments.of("  auth.sh --zone example.org", "auth.sh"),
                Arguments.of("'/opt/my hooks/auth.sh' arg", "/opt/my hooks/auth.sh"),
                Arguments.of("\"/opt/my hooks/auth.sh\"", "/opt/my hooks/auth.sh"),
                Arguments.of("/opt/my\\ hooks/auth.sh", "/opt/my hooks/auth.sh"),
                Arguments.of("API_KEY=abc ZONE=x /etc/hooks/auth.sh", "/etc/hooks/auth.sh"));
    }

    @ParameterizedTest(name = "[{0}] starts {1}")
    @MethodSource("commands")
    void findsTheProgramACommandStarts(String command, String program) {
        assertThat(HookCommand.program(command)).contains(program);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "A=1 B=2"})
    void findsNoProgramInACommandWithoutOne(String command) {
        assertThat(HookCommand.program(command)).isEmpty();
    }
}
