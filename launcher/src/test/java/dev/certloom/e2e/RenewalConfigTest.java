package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RenewalConfigTest {

    @Test
    void readsTopKeysAndRenewalParamsApart() {
        String text = "# renew_before_expiry = 30 days\n"
                + "version = 2.1.0\n"
                + "cert = /c/live/a.example/cert.pem\n"
                + "\n"
                + "# Options used in the renewal process\n"
                + "[renewalparams]\n"
                + "account = 0123abcd\n"
                + "authenticator = webroot\n";

        RenewalConfig config = RenewalConfig.parse(text);

        assertThat(config.top()).containsOnlyKeys("version", "cert")
                .containsEntry("cert", "/c/live/a.example/cert.pem");
        assertThat(config.renewalParams()).containsEntry("account", "0123abcd")
                .containsEntry("authenticator", "webroot");
    }

    @Test
    void keepsEqualsSignsInsideValues() {
        RenewalConfig config = RenewalConfig.parse("[renewalparams]\nserver = https://x/d?a=b\n");

        assertThat(config.renewalParams()).containsEntry("server", "https://x/d?a=b");
    }

    @Test
    void refusesALineThatIsNoKeyNamingItsNumber() {
        assertThatThrownBy(() -> RenewalConfig.parse("version = 1\nnonsense\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Line 2");
    }
}
