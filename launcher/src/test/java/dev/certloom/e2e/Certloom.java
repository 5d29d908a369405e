package dev.certloom.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real launcher, {@code java -jar certloom.jar ARGS...}, as a user would. The jar
 * and the Felix cache folder come from system properties that the launcher's pom hands
 * to Failsafe; every run of one test JVM shares that cache, as a user's runs share
 * theirs. Standard input is closed unless the test gives text for it.
 */
final class Certloom {

    /** System property with the path of the certloom.jar under test. */
    static final String JAR_PROPERTY = "certloom.jar";
    /** System property with the Felix cache folder shared by the runs of one build. */
    static final String CACHE_PROPERTY = "certloom.e2e.cache";
    /** System property with the version the build gave the jar. */
    static final String VERSION_PROPERTY = "certloom.version";

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final CommandRunner runner;
    private final Path outputDirectory;
    private final Map<String, String> environment;

    private Certloom(Path outputDirectory, Map<String, String> environment) {
        this.runner = new CommandRunner(outputDirectory, environment);
        this.outputDirectory = outputDirectory;
        this.environment = environment;
    }

    /**
     * Returns a runner that trusts the CAs in {@code caBundle} for ACME over HTTPS.
     *
     * @param outputDirectory an existing folder of the test for the captured output
     * @param caBundle        the PEM file for {@code CERTLOOM_CA_BUNDLE}
     */
    static Certloom trusting(Path outputDirectory, Path caBundle) {
        return new Certloom(outputDirectory, Map.of(
                "CERTLOOM_CA_BUNDLE", caBundle.toString(),
                "CERTLOOM_CACHE_DIR", required(CACHE_PROPERTY)));
    }

    /** Returns a runner for commands that reach no CA over HTTPS. */
    static Certloom plain(Path outputDirectory) {
        return new Certloom(outputDirectory,
                Map.of("CERTLOOM_CACHE_DIR", required(CACHE_PROPERTY)));
    }

    /** Returns the jar under test, failing when the build did not say where it is. */
    static Path jar() {
        Path jar = Path.of(required(JAR_PROPERTY));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; run the end-to-end tests "
                    + "with 'mvn verify', which packages it first");
        }
        return jar;
    }

    /** Runs certloom with {@code arguments} and standard input closed. */
    CommandResult run(List<String> arguments) {
        return runWithInput("", arguments);
    }

    /** Runs certloom with {@code arguments} and standard input closed. */
    CommandResult run(String... arguments) {
        return run(List.of(arguments));
    }

    /**
     * Runs certloom with {@code input} on its standard input.
     *
     * @throws IllegalStateException when it runs longer than two minutes; it is killed
     */
    CommandResult runWithInput(String input, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(arguments);
        return runner.run(command, input, TIMEOUT);
    }

    /**
     * Starts certloom with {@code arguments} and its standard input open, for a test that
     * reads what it asks from {@link ManagedProcess#logText()} (both streams) and answers
     * through {@link ManagedProcess#input()}. The test closes it.
     *
     * @param name a name for the log file, unique within the test class
     */
    ManagedProcess start(String name, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(arguments);
        return ManagedProcess.start(name, command, environment, outputDirectory);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; "
                    + "run the end-to-end tests through Maven (launcher/pom.xml sets it)");
        }
        return value;
    }
}
