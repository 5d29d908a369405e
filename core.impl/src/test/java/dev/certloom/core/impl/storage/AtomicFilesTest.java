package dev.certloom.core.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final Set<PosixFilePermission> WIDE_OPEN =
            PosixFilePermissions.fromString("rwxrwxrwx");

    @TempDir
    Path temp;

    private Path open;

    @BeforeEach
    void createWideOpenParent() throws IOException {
        // What a umask of 000 would produce: the code must not rely on the parent's mode.
        open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, WIDE_OPEN);
    }

    @Test
    void writeGivesThePrivateModeInsideAWideOpenFolder() throws Exception {
        Path key = open.resolve("privkey.pem");

        AtomicFiles.write(key, bytes("secret"), AtomicFiles.PRIVATE_FILE);

        assertThat(key).hasContent("secret");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(AtomicFiles.PRIVATE_FILE);
        assertThat(entries(open)).containsExactly("privkey.pem");
    }

    @Test
    void writeReplacesContentAndModeOfAnExistingFile() throws Exception {
        Path file = open.resolve("privkey.pem");
        Files.writeString(file, "old content that is longer");
        Files.setPosixFilePermissions(file, WIDE_OPEN);

        AtomicFiles.write(file, bytes("new"), AtomicFiles.PRIVATE_FILE);

        assertThat(file).hasContent("new");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(AtomicFiles.PRIVATE_FILE);
        assertThat(entries(open)).containsExactly("privkey.pem");
    }

    @Test
    void writeIntoAMissingFolderFailsNamingTheFileAndLeavesNothing() throws Exception {
        Path file = open.resolve("missing").resolve("cert.pem");

        assertThatThrownBy(() -> AtomicFiles.write(file, bytes("x"), AtomicFiles.PUBLIC_FILE))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString());
        assertThat(entries(open)).isEmpty();
    }

    @Test
    void ensureDirectoryGivesEveryCreatedFolderTheMode() throws Exception {
        Path deep = open.resolve("accounts").resolve("host:443").resolve("directory");

        AtomicFiles.ensureDirectory(deep, AtomicFiles.PRIVATE_DIR);

        for (Path folder = deep; !folder.equals(open); folder = folder.getParent()) {
            assertThat(Files.getPosixFilePermissions(folder))
                    .as(folder.toString()).isEqualTo(AtomicFiles.PRIVATE_DIR);
        }
        assertThat(Files.getPosixFilePermissions(open)).isEqualTo(WIDE_OPEN);
    }

    @Test
    void ensureDirectoryDoesNotLoosenAnExistingFolder() throws Exception {
        Path existing = Files.createDirectory(open.resolve("archive"));
        Files.setPosixFilePermissions(existing, AtomicFiles.PRIVATE_DIR);

        AtomicFiles.ensureDirectory(existing, AtomicFiles.PUBLIC_DIR);

        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(AtomicFiles.PRIVATE_DIR);
    }

    @Test
    void ensureDirectoryFailsWhenAFileIsInTheWay() throws Exception {
        Path file = Files.writeString(open.resolve("live"), "not a folder");

        assertThatThrownBy(() -> AtomicFiles.ensureDirectory(file.resolve("example.org"),
                AtomicFiles.PUBLIC_DIR))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void replaceSymlinkCreatesARelativeLink() throws Exception {
        Path link = open.resolve("cert.pem");

        AtomicFiles.replaceSymlink(link, Path.of("../archive/cert1.pem"));

        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../archive/cert1.pem"));
        assertThat(entries(open)).containsExactly("cert.pem");
    }

    @Test
    void replaceSymlinkSwapsAnExistingLinkWithoutLeavingTemporaryNames() throws Exception {
        Files.writeString(open.resolve("cert1.pem"), "one");
        Files.writeString(open.resolve("cert2.pem"), "two");
        Path link = open.resolve("cert.pem");
        AtomicFiles.replaceSymlink(link, Path.of("cert1.pem"));

        AtomicFiles.replaceSymlink(link, Path.of("cert2.pem"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link).hasContent("two");
        assertThat(entries(open)).containsExactlyInAnyOrder("cert.pem", "cert1.pem",
                "cert2.pem");
    }

    @Test
    void occupiedSeesADanglingLink() throws Exception {
        Path link = Files.createSymbolicLink(open.resolve("dangling"), Path.of("nowhere"));

        assertThat(AtomicFiles.occupied(link)).isTrue();
        assertThat(AtomicFiles.occupied(open.resolve("absent"))).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
