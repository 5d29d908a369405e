package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What every failed command owes its user (STYLE.md, "Errors"): a non-zero exit code and
 * one sentence on standard error, with no stack trace anywhere.
 */
final class FailureAssertions {

    /** certbot's notice of where its log goes; certbot prints it on every run. */
    private static final String LOG_NOTICE = "Saving debug log to ";

    private FailureAssertions() {
    }

    /**
     * Asserts the run failed with one message line and no stack trace, and returns that
     * line.
     */
    static String assertFailedWithOneSentence(CommandResult result) {
        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        List<String> message = result.errorLines().stream()
                .filter(line -> !line.startsWith(LOG_NOTICE)).toList();
        assertThat(message).as("the error message of\n%s", result.describe()).hasSize(1);
        assertThat(result.output()).as(result.describe())
                .doesNotContainPattern("(?m)^\\s+at [\\w.$/]+\\(")
                .doesNotContainPattern("\\b\\w+(Exception|Error)\\b");
        return message.get(0);
    }
}
