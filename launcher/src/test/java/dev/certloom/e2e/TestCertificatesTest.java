package dev.certloom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

    private static final int GENERAL_NAME_IP = 7;

    @Test
    void serverCertificateNamesLoopbackAndLocalhost(@TempDir Path folder) throws Exception {
        TestCertificates files = TestCertificates.create(folder);

        X509Certificate server = PemFiles.readCertificates(files.certificateFile()).get(0);

        assertThat(CertificateChecks.dnsNames(server)).containsExactly("localhost");
        assertThat(server.getSubjectAlternativeNames())
                .filteredOn(name -> (Integer) name.get(0) == GENERAL_NAME_IP)
                .extracting(name -> InetAddress.getByName((String) name.get(1)))
                .containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void serverCertificateValidatesUpToTheWrittenCa(@TempDir Path folder) {
        TestCertificates files = TestCertificates.create(folder);
        X509Certificate ca = PemFiles.readCertificates(files.caFile()).get(0);
        List<X509Certificate> chain = PemFiles.readCertificates(files.certificateFile());

        assertThatCode(() -> CertificateChecks.validate(chain, ca)).doesNotThrowAnyException();
    }

    @Test
    void writtenKeyIsTheServerCertificatesKey(@TempDir Path folder) {
        TestCertificates files = TestCertificates.create(folder);

        boolean matches = CertificateChecks.keyMatches(
                PemFiles.readPrivateKey(files.keyFile()), files.server());

        assertThat(matches).isTrue();
    }

    @Test
    void keyFromAnotherRunDoesNotMatch(@TempDir Path first, @TempDir Path second) {
        TestCertificates mine = TestCertificates.create(first);
        TestCertificates theirs = TestCertificates.create(second);

        boolean matches = CertificateChecks.keyMatches(
                PemFiles.readPrivateKey(theirs.keyFile()), mine.server());

        assertThat(matches).isFalse();
    }
}
