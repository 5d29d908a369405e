package dev.certloom.core.impl.engine;

import dev.certloom.api.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities Certloom trusts when it talks to an ACME server: the JDK's,
 * plus those in the PEM files named by {@value #CERTLOOM_VARIABLE} and, as certbot users
 * set it, {@value #REQUESTS_VARIABLE}. Checks are never switched off: a server that none
 * of these vouch for is refused.
 */
final class TrustBundle {

    static final String CERTLOOM_VARIABLE = "CERTLOOM_CA_BUNDLE";
    static final String REQUESTS_VARIABLE = "REQUESTS_CA_BUNDLE";

    private TrustBundle() {
    }

    /**
     * Builds the TLS context for ACME connections.
     *
     * @param environment the process environment
     * @return the JDK's default context when no extra bundle is named
     * @throws ConfigurationException when a named bundle cannot be read
     */
    static SSLContext context(Map<String, String> environment) throws ConfigurationException {
        List<Path> bundles = new ArrayList<>();
        for (String variable : List.of(CERTLOOM_VARIABLE, REQUESTS_VARIABLE)) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                bundles.add(Path.of(value.trim()));
            }
        }
        try {
            if (bundles.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : jdkAuthorities()) {
                store.setCertificateEntry("jdk-" + index++, certificate);
            }
            for (Path bundle : bundles) {
                for (Certificate certificate : read(bundle)) {
                    store.setCertificateEntry("extra-" + index++, certificate);
                }
            }
            TrustManagerFactory factory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException("Cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> jdkAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> all = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                all.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return all;
    }

    private static Collection<? extends Certificate> read(Path bundle)
            throws ConfigurationException {
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new ConfigurationException("The CA bundle " + bundle
                        + " holds no PEM certificate.");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("Cannot read the CA bundle " + bundle + " named by "
                    + CERTLOOM_VARIABLE + " or " + REQUESTS_VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
