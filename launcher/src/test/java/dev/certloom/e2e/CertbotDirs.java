package dev.certloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three folders of certbot's command line, {@code --config-dir}, {@code --work-dir}
 * and {@code --logs-dir}, and the places of certbot's layout inside the first.
 *
 * @param config the configuration folder ({@code /etc/letsencrypt} by default)
 * @param work   the working folder ({@code /var/lib/letsencrypt} by default)
 * @param logs   the logs folder ({@code /var/log/letsencrypt} by default)
 */
record CertbotDirs(Path config, Path work, Path logs) {

    /** Returns three folders under {@code root}, which the command is left to create. */
    static CertbotDirs under(Path root) {
        return new CertbotDirs(root.resolve("config"), root.resolve("work"),
                root.resolve("logs"));
    }

    /** Returns the flags that point a command at these folders. */
    List<String> flags() {
        return List.of("--config-dir", config.toString(), "--work-dir", work.toString(),
                "--logs-dir", logs.toString());
    }

    /** Returns {@code live/<name>}, the folder of links to the current version. */
    Path live(String lineage) {
        return config.resolve("live").resolve(lineage);
    }

    /** Returns {@code archive/<name>}, the folder of every version's files. */
    Path archive(String lineage) {
        return config.resolve("archive").resolve(lineage);
    }

    /** Returns {@code renewal/<name>.conf}. */
    Path renewalConf(String lineage) {
        return config.resolve("renewal").resolve(lineage + ".conf");
    }

    /** Returns {@code accounts}, holding one folder per server and account. */
    Path accounts() {
        return config.resolve("accounts");
    }

    /**
     * Returns every account folder: certbot keeps one per account at
     * {@code accounts/<server host:port>/<directory path>/<account id>/}, holding
     * {@code regr.json}, {@code private_key.json} and {@code meta.json}.
     */
    List<Path> accountFolders() {
        if (!Files.isDirectory(accounts())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.walk(accounts())) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("regr.json")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + accounts(), e);
        }
    }

    /** Returns certbot's lock file of the configuration folder. */
    Path configLock() {
        return config.resolve(".certbot.lock");
    }
}
