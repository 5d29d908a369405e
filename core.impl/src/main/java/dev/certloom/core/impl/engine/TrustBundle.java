package dev.certloom.core.impl.engine;

import dev.certloom.api.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate authorities Certloom trusts when it talks to an ACME server: the JDK's,
 * plus those in the PEM files named by {@value #CERTLOOM_VARIABLE} and, as certbot users
 * set it, {@value #REQUESTS_VARIABLE}. Checks are never switched off: a server that none
 * of these vouch for is refused, and host names are always verified.
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
            for (Path bundle : bundles) {
                for (Certificate certificate : read(bundle)) {
                    store.setCertificateEntry("extra-" + index++, certificate);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrust(managerOf(store))}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException("Cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager managerOf(KeyStore store)
            throws GeneralSecurityException {
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The JDK offers no X.509 trust manager");
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

    /**
     * Trusts a server that the extra bundle vouches for, or else one the JDK's authorities
     * vouch for. The JDK's store is loaded only when the bundle is not enough, which keeps
     * a run against a private CA from paying for a hundred-odd roots it never uses. Both
     * sides are extended managers, so host name checks stay in force.
     */
    private static final class EitherTrust extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager extra;
        private X509ExtendedTrustManager jdk;

        EitherTrust(X509ExtendedTrustManager extra) {
            this.extra = extra;
        }

        private synchronized X509ExtendedTrustManager jdk() throws CertificateException {
            if (jdk == null) {
                try {
                    jdk = managerOf(null);
                } catch (GeneralSecurityException e) {
                    throw new CertificateException("Cannot load the JDK's authorities", e);
                }
            }
            return jdk;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine)
                throws CertificateException {
            try {
                extra.checkServerTrusted(chain, type, engine);
            } catch (CertificateException notByBundle) {
                jdk().checkServerTrusted(chain, type, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket)
                throws CertificateException {
            try {
                extra.checkServerTrusted(chain, type, socket);
            } catch (CertificateException notByBundle) {
                jdk().checkServerTrusted(chain, type, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String type)
                throws CertificateException {
            try {
                extra.checkServerTrusted(chain, type);
            } catch (CertificateException notByBundle) {
                jdk().checkServerTrusted(chain, type);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("Certloom does not accept TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket)
                throws CertificateException {
            throw new CertificateException("Certloom does not accept TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String type)
                throws CertificateException {
            throw new CertificateException("Certloom does not accept TLS clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return extra.getAcceptedIssuers();
        }
    }
}
