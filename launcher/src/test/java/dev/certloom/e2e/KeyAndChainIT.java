package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind of key a certificate gets ({@code --key-type}, {@code --rsa-key-size},
 * {@code --elliptic-curve}) and the chain it is stored with ({@code --preferred-chain})
 * when the CA offers an alternate one.
 */
class KeyAndChainIT {

    @RegisterExtension
    static final SharedTestbed shared = SharedTestbed.withoutWebServer();

    private static AcmeTestbed testbed() {
        return shared.testbed();
    }

    @Test
    void makesAnRsaKeyOfTheRequestedSizeAndSavesTheChoice(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        String name = "rsa.example.test";

        CommandResult result = run(dirs, name, "--key-type", "rsa", "--rsa-key-size", "3072");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        PrivateKey key = PemFiles.readPrivateKey(dirs.live(name).resolve("privkey.pem"));
        assertThat(key).isInstanceOf(RSAPrivateKey.class);
        assertThat(((RSAPrivateKey) key).getModulus().bitLength()).isEqualTo(3072);
        assertThat(CertificateChecks.keyMatches(key, leaf(dirs, name))).isTrue();
        assertThat(RenewalConfig.read(dirs.renewalConf(name)).renewalParams())
                .containsEntry("key_type", "rsa").containsEntry("rsa_key_size", "3072");
    }

    @Test
    void makesAnEcKeyOnTheRequestedCurve(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        String name = "p384.example.test";

        CommandResult result = run(dirs, name, "--elliptic-curve", "secp384r1");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        PrivateKey key = PemFiles.readPrivateKey(dirs.live(name).resolve("privkey.pem"));
        assertThat(key).isInstanceOf(ECPrivateKey.class);
        assertThat(((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(384);
        assertThat(RenewalConfig.read(dirs.renewalConf(name)).renewalParams())
                .containsEntry("key_type", "ecdsa").containsEntry("elliptic_curve", "secp384r1");
    }

    @Test
    void storesTheDefaultChainUnlessAnotherIsPreferred(@TempDir Path root) {
        CertbotDirs dirs = CertbotDirs.under(root);
        X509Certificate defaultRoot = testbed().pebble().root(0);
        X509Certificate alternateRoot = testbed().pebble().root(1);
        String preferred = commonName(alternateRoot);

        CommandResult plain = run(dirs, "default-chain.example.test");
        CommandResult chosen = run(dirs, "other-chain.example.test",
                "--preferred-chain", preferred);

        assertThat(plain.exitCode()).as(plain.describe()).isZero();
        assertThat(chosen.exitCode()).as(chosen.describe()).isZero();
        assertThat(topIssuer(dirs, "default-chain.example.test"))
                .isEqualTo(defaultRoot.getSubjectX500Principal());
        assertThat(topIssuer(dirs, "other-chain.example.test"))
                .isEqualTo(alternateRoot.getSubjectX500Principal());
        assertThat(RenewalConfig.read(dirs.renewalConf("other-chain.example.test"))
                .renewalParams()).containsEntry("preferred_chain", preferred);
    }

    private static CommandResult run(CertbotDirs dirs, String name, String... extra) {
        List<String> line = new ArrayList<>(
                testbed().certonly(dirs, List.of(name), testbed().standalone()));
        line.addAll(List.of(extra));
        return testbed().certloom().run(line);
    }

    private static X509Certificate leaf(CertbotDirs dirs, String name) {
        return PemFiles.readCertificates(dirs.live(name).resolve("cert.pem")).get(0);
    }

    private static javax.security.auth.x500.X500Principal topIssuer(CertbotDirs dirs,
            String name) {
        List<X509Certificate> chain =
                PemFiles.readCertificates(dirs.live(name).resolve("fullchain.pem"));
        return chain.get(chain.size() - 1).getIssuerX500Principal();
    }

    private static String commonName(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        throw new IllegalStateException("No common name in " + subject);
    }
}
