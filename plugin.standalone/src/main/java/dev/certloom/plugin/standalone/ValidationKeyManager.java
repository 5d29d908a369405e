package dev.certloom.plugin.standalone;

import dev.certloom.api.challenge.TlsAlpn01Challenge;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Hands the JDK's TLS server the validation certificate of the name a client asks for by
 * SNI, and only when the handshake negotiated the ALPN protocol {@code acme-tls/1}: RFC
 * 8737 sections 3 and 4 reserve the certificate for that protocol, so a client without it gets
 * no certificate and the handshake fails. The alias of a certificate is its lower-case
 * ASCII name. Thread-safe.
 */
final class ValidationKeyManager extends X509ExtendedKeyManager {

    private final Map<String, TlsAlpn01Challenge> published = new ConcurrentHashMap<>();

    /** Offers a challenge's certificate for its name, replacing an earlier one. */
    void publish(TlsAlpn01Challenge challenge) {
        published.put(aliasOf(challenge), challenge);
    }

    /** Stops offering a challenge's certificate; one never published is ignored. */
    void withdraw(TlsAlpn01Challenge challenge) {
        published.remove(aliasOf(challenge), challenge);
    }

    /** Stops offering every certificate. */
    void clear() {
        published.clear();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        if (!(socket instanceof SSLSocket tls)) {
            return null;
        }
        return choose(keyType, tls.getHandshakeApplicationProtocol(),
                tls.getHandshakeSession());
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers,
            SSLEngine engine) {
        return choose(keyType, engine.getHandshakeApplicationProtocol(),
                engine.getHandshakeSession());
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        TlsAlpn01Challenge challenge = published.get(alias);
        return challenge == null ? null : new X509Certificate[] {challenge.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        TlsAlpn01Challenge challenge = published.get(alias);
        return challenge == null ? null : challenge.privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return published.entrySet().stream()
                .filter(entry -> fits(entry.getValue(), keyType))
                .map(Map.Entry::getKey).toArray(String[]::new);
    }

    /** This is a server: it never authenticates as a client. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    /** This is a server: it never authenticates as a client. */
    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    private String choose(String keyType, String protocol, SSLSession session) {
        if (!TlsAlpn01Challenge.ALPN_PROTOCOL.equals(protocol)
                || !(session instanceof ExtendedSSLSession extended)) {
            return null;
        }
        // RFC 8737 section 3: the client names the identifier being validated by SNI.
        List<SNIServerName> requested = extended.getRequestedServerNames();
        for (SNIServerName name : requested) {
            if (name instanceof SNIHostName host) {
                String alias = host.getAsciiName().toLowerCase(Locale.ROOT);
                TlsAlpn01Challenge challenge = published.get(alias);
                if (challenge != null && fits(challenge, keyType)) {
                    return alias;
                }
            }
        }
        return null;
    }

    private static boolean fits(TlsAlpn01Challenge challenge, String keyType) {
        return challenge.privateKey().getAlgorithm().equals(keyType);
    }

    private static String aliasOf(TlsAlpn01Challenge challenge) {
        return challenge.identifier().value().toLowerCase(Locale.ROOT);
    }
}
