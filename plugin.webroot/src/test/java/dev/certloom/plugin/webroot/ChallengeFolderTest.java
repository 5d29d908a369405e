package dev.certloom.plugin.webroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certloom.api.PluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeFolderTest {

    private static final String NAME = "example.org";
    private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
    private static final String CONTENT = TOKEN + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";

    @TempDir
    Path temp;

    private Path webroot;
    private Path wellKnown;
    private Path challenges;

    @BeforeEach
    void createWebroot() throws IOException {
        webroot = Files.createDirectory(temp.resolve("www")).toRealPath();
        wellKnown = webroot.resolve(".well-known");
        challenges = wellKnown.resolve("acme-challenge");
    }

    @Test
    void writesTheTokenFileWithItsContentAndReadableModes() throws Exception {
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);

            assertThat(challenges.resolve(TOKEN)).hasContent(CONTENT);
            assertThat(mode(challenges.resolve(TOKEN))).isEqualTo("rw-r--r--");
            assertThat(mode(challenges)).isEqualTo("rwxr-xr-x");
            assertThat(mode(wellKnown)).isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void cleanupRemovesTheFileAndBothFoldersItCreated() throws Exception {
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);

            folder.remove(TOKEN);
            folder.removeCreatedFolders();
        }

        assertThat(webroot).isEmptyDirectory();
    }

    @Test
    void cleanupKeepsAWellKnownFolderThatExistedBefore() throws Exception {
        Files.createDirectory(wellKnown);
        Files.writeString(wellKnown.resolve("security.txt"), "Contact: mailto:a@example.org");
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);

            folder.remove(TOKEN);
            folder.removeCreatedFolders();
        }

        assertThat(challenges).doesNotExist();
        assertThat(wellKnown.resolve("security.txt")).exists();
    }

    @Test
    void cleanupKeepsAnEmptyChallengeFolderThatExistedBefore() throws Exception {
        Files.createDirectories(challenges);
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);

            folder.remove(TOKEN);
            folder.removeCreatedFolders();
        }

        assertThat(challenges).isEmptyDirectory();
    }

    @Test
    void cleanupKeepsACreatedFolderThatNowHoldsSomeoneElsesFile() throws Exception {
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);
            Files.writeString(challenges.resolve("other"), "not ours");

            folder.remove(TOKEN);
            folder.removeCreatedFolders();
        }

        assertThat(challenges.resolve(TOKEN)).doesNotExist();
        assertThat(challenges.resolve("other")).hasContent("not ours");
    }

    @Test
    void cleanupLeavesAFileThatReplacedTheOneItWrote() throws Exception {
        Path elsewhere = Files.writeString(temp.resolve("elsewhere"), "keep me");
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);
            Files.delete(challenges.resolve(TOKEN));
            Files.createSymbolicLink(challenges.resolve(TOKEN), elsewhere);

            folder.remove(TOKEN);
            folder.removeCreatedFolders();
        }

        assertThat(Files.isSymbolicLink(challenges.resolve(TOKEN))).isTrue();
        assertThat(elsewhere).hasContent("keep me");
    }

    @Test
    void cleanupIgnoresTokensItNeverWrote() throws Exception {
        Files.createDirectories(challenges);
        Files.writeString(challenges.resolve(TOKEN), "someone else's");
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.remove(TOKEN);
            folder.removeCreatedFolders();
        }

        assertThat(challenges.resolve(TOKEN)).hasContent("someone else's");
    }

    @Test
    void refusesAWellKnownSymlinkAndWritesNothingWhereItPoints() throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Files.createSymbolicLink(wellKnown, elsewhere);

        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            assertThatThrownBy(() -> folder.write(NAME, TOKEN, CONTENT))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining(wellKnown.toString())
                    .hasMessageContaining("symbolic link");
        }
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void refusesAChallengeFolderSymlink() throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Files.createDirectory(wellKnown);
        Files.createSymbolicLink(challenges, elsewhere);

        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            assertThatThrownBy(() -> folder.write(NAME, TOKEN, CONTENT))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("symbolic link");
        }
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void refusesATokenFileSymlinkAndLeavesItsTargetAlone() throws Exception {
        Path target = Files.writeString(temp.resolve("target"), "precious");
        Files.createDirectories(challenges);
        Files.createSymbolicLink(challenges.resolve(TOKEN), target);

        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            assertThatThrownBy(() -> folder.write(NAME, TOKEN, CONTENT))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("symbolic link");
        }
        assertThat(target).hasContent("precious");
    }

    @Test
    void refusesATokenFileLeftBehindAndSaysHowToFixIt() throws Exception {
        Files.createDirectories(challenges);
        Files.writeString(challenges.resolve(TOKEN), "old");

        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            assertThatThrownBy(() -> folder.write(NAME, TOKEN, CONTENT))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("already exists")
                    .hasMessageContaining("remove it");
        }
        assertThat(challenges.resolve(TOKEN)).hasContent("old");
    }

    @Test
    void aRefusalCarriesTheHintAboutTheWebServer() throws Exception {
        Files.writeString(wellKnown, "a file, not a folder");

        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            assertThatThrownBy(() -> folder.write(NAME, TOKEN, CONTENT))
                    .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.hint())
                            .contains("Make sure that the web server serves files from "
                                    + webroot + " for example.org on port 80."));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "a.b", "", "tok en", "%2e%2e"})
    void refusesTokensOutsideTheBase64UrlAlphabetBeforeTouchingTheDisk(String token)
            throws Exception {
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            assertThatThrownBy(() -> folder.write(NAME, token, CONTENT))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("base64url");
        }
        assertThat(webroot).isEmptyDirectory();
    }

    @Test
    void cleanupAfterAPartialPerformRemovesWhatWasWritten() throws Exception {
        String second = "second-token";
        try (ChallengeFolder folder = new ChallengeFolder(webroot)) {
            folder.write(NAME, TOKEN, CONTENT);
            Files.writeString(challenges.resolve(second), "in the way");
            assertThatThrownBy(() -> folder.write("www.example.org", second, "x"))
                    .isInstanceOf(PluginException.class);
            Files.delete(challenges.resolve(second));

            folder.remove(TOKEN);
            folder.remove(second);
            folder.removeCreatedFolders();
        }

        assertThat(webroot).isEmptyDirectory();
    }

    @Test
    void checkLayoutRefusesASymlinkBeforeAnyOrder() throws Exception {
        Files.createSymbolicLink(wellKnown, Files.createDirectory(temp.resolve("elsewhere")));

        assertThatThrownBy(() -> ChallengeFolder.checkLayout(webroot, NAME))
                .isInstanceOf(PluginException.class)
                .hasMessage("Refusing to use " + wellKnown + " for the HTTP-01 challenge of"
                        + " example.org because it is a symbolic link, which could redirect"
                        + " the write; replace it with a real folder or remove it.");
    }

    @Test
    void checkLayoutAcceptsMissingAndRealFolders() throws Exception {
        ChallengeFolder.checkLayout(webroot, NAME);
        Files.createDirectories(challenges);

        ChallengeFolder.checkLayout(webroot, NAME);

        assertThat(challenges).isEmptyDirectory();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
