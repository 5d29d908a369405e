package dev.certloom.core.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certloom.api.service.CertificateRequest.AccountSpec;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountFlowTest {

    private static final URI SERVER = URI.create("https://ca.example/dir");

    @ParameterizedTest(name = "-m \"{0}\" registers {1}")
    @CsvSource(delimiter = '|', value = {
        "admin@example.org                     | admin@example.org",
        "a@example.org,b@example.org           | a@example.org;b@example.org",
        "' a@example.org , , b@example.org '   | a@example.org;b@example.org",
    })
    void splitsCertbotsCommaSeparatedAddresses(String given, String expected) {
        AccountSpec spec = new AccountSpec(SERVER, given, true);

        List<String> emails = AccountFlow.emailsOf(spec);

        assertThat(emails).containsExactly(expected.split(";"));
    }

    @Test
    void registersWithoutAddressWhenNoneIsGiven() {
        assertThat(AccountFlow.emailsOf(new AccountSpec(SERVER, null, true))).isEmpty();
    }
}
