package dev.certloom.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small HTTP client for the harness: plain HTTP to loopback helpers, and HTTPS that
 * trusts exactly the CAs of one PEM file (Pebble's listeners), with host name checks on.
 */
final class HttpFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    private HttpFetcher(HttpClient client) {
        this.client = client;
    }

    /** Returns a client for plain HTTP. */
    static HttpFetcher plain() {
        return new HttpFetcher(HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .proxy(HttpClient.Builder.NO_PROXY).build());
    }

    /**
     * Returns a client that trusts only the CA certificates in {@code caPem}.
     *
     * @throws IllegalStateException when the JDK cannot build the trust store
     */
    static HttpFetcher trusting(Path caPem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            List<X509Certificate> cas = PemFiles.readCertificates(caPem);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return new HttpFetcher(HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .proxy(HttpClient.Builder.NO_PROXY).sslContext(tls).build());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot trust " + caPem, e);
        }
    }

    /**
     * Returns the response to a GET; any status.
     *
     * @throws IOException when nothing answers, or TLS fails
     */
    HttpResponse<String> get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    /**
     * Returns the response to a POST of a JSON body; any status.
     *
     * @throws IOException when nothing answers
     */
    HttpResponse<String> postJson(URI uri, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Returns the body of a GET that must answer 200.
     *
     * @throws IOException when nothing answers, or the status is not 200
     */
    String getOk(URI uri) throws IOException {
        HttpResponse<String> response = get(uri);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted during " + request.method() + " "
                    + request.uri(), e);
        }
    }
}
