package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private nginx serving one folder on {@code 127.0.0.1:<port>}, started from a
 * configuration written into the test's folder, with its pid file, logs and temporary
 * folders there too. It never touches the system's nginx service or its files, and never
 * listens on all addresses.
 */
final class Nginx implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final String PROBE = "certloom-probe.txt";

    private final ManagedProcess process;
    private final Path directory;
    private final Path webroot;
    private final int port;

    private Nginx(ManagedProcess process, Path directory, Path webroot, int port) {
        this.process = process;
        this.directory = directory;
        this.webroot = webroot;
        this.port = port;
    }

    /**
     * Starts nginx serving {@code webroot} on {@code port} and returns once it answers.
     *
     * @param directory an existing folder for the configuration, pid file, logs and
     *                  temporary files
     * @param webroot   the document root, created when missing
     * @param port      the loopback port to listen on
     * @throws IllegalStateException when nginx does not come up; the message has its log
     */
    static Nginx start(Path directory, Path webroot, int port) {
        Path config = directory.resolve("nginx.conf");
        try {
            Files.createDirectories(webroot);
            Files.createDirectories(directory.resolve("temp"));
            Files.writeString(config, configuration(directory, webroot, port),
                    StandardCharsets.UTF_8);
            Files.writeString(webroot.resolve(PROBE), "ready\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare nginx in " + directory, e);
        }
        ManagedProcess process = ManagedProcess.start("nginx", List.of("nginx",
                "-p", directory.toString(), "-c", config.toString(),
                "-e", directory.resolve("error.log").toString(),
                "-g", "daemon off;"), Map.of(), directory);
        Nginx nginx = new Nginx(process, directory, webroot, port);
        try {
            HttpFetcher http = HttpFetcher.plain();
            process.awaitReady(START_TIMEOUT,
                    () -> http.get(nginx.uri("/" + PROBE)).statusCode() == 200);
            Files.delete(webroot.resolve(PROBE));
            return nginx;
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException("Cannot remove nginx's probe file", e);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Returns the document root. */
    Path webroot() {
        return webroot;
    }

    /** Returns the port nginx listens on, on 127.0.0.1. */
    int port() {
        return port;
    }

    /** Returns the URL of {@code path} on this server, such as {@code /index.html}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Returns the access log so far: one line per request nginx answered. */
    String accessLog() {
        Path log = directory.resolve("access.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private static String configuration(Path directory, Path webroot, int port) {
        Path temp = directory.resolve("temp");
        // As root, worker processes would switch to "nobody", who cannot enter the test's
        // private temporary folders; they stay root instead. Unprivileged, nginx cannot
        // switch users and warns about the directive, so it is left out.
        String user = RunningUser.isRoot() ? "user root;\n" : "";
        return user
                + "worker_processes 1;\n"
                + "pid " + directory.resolve("nginx.pid") + ";\n"
                + "lock_file " + directory.resolve("nginx.lock") + ";\n"
                + "error_log " + directory.resolve("error.log") + " info;\n"
                + "events {\n    worker_connections 64;\n}\n"
                + "http {\n"
                + "    access_log " + directory.resolve("access.log") + ";\n"
                + "    client_body_temp_path " + temp.resolve("body") + ";\n"
                + "    proxy_temp_path " + temp.resolve("proxy") + ";\n"
                + "    fastcgi_temp_path " + temp.resolve("fastcgi") + ";\n"
                + "    uwsgi_temp_path " + temp.resolve("uwsgi") + ";\n"
                + "    scgi_temp_path " + temp.resolve("scgi") + ";\n"
                + "    default_type text/plain;\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + port + ";\n"
                + "        server_name _;\n"
                + "        root " + webroot + ";\n"
                + "    }\n"
                + "}\n";
    }
}
