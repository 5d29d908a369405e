package dev.certloom.launcher.main;

import dev.certloom.api.command.CommandService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.CRC32;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Felix with the bundles embedded in certloom.jar under {@code bundles/}.
 *
 * <p>The framework's bundle cache is kept between runs in the user's cache folder and
 * stamped with a checksum of the embedded bundles, so that a run only reinstalls them
 * after the jar changed: installing is most of a cold start. The cache is locked while
 * in use; a second run at the same time gets a temporary cache of its own instead of
 * sharing one that Felix does not expect to share.
 */
final class FrameworkRuntime {

    private static final String BUNDLES = "bundles/";
    private static final String API_JARS = "api/";
    private static final String STAMP = "certloom.stamp";
    private static final long SERVICE_WAIT_MILLIS = 30_000;
    private static final long SELECTOR_EXIT_MILLIS = 100;

    /** Bundles that only the shell needs; the command line leaves them stopped. */
    private static final Set<String> SHELL_ONLY = Set.of(
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.jline",
            "org.apache.felix.gogo.command", "org.jline", "dev.certloom.launcher");

    /**
     * The bundle whose activator starts reading commands from standard input. It starts
     * last, once the core's commands exist, so that piped commands never arrive early.
     */
    private static final String SHELL_READER = "org.apache.felix.gogo.jline";

    private final Framework framework;
    private final FileChannel lockChannel;
    private final Path temporaryCache;

    private FrameworkRuntime(Framework framework, FileChannel lockChannel, Path temporaryCache) {
        this.framework = framework;
        this.lockChannel = lockChannel;
        this.temporaryCache = temporaryCache;
    }

    /**
     * Starts the framework and the bundles a command needs.
     *
     * @param shell whether to start the Gogo shell too
     */
    static FrameworkRuntime start(boolean shell) throws IOException {
        try (JarFile jar = new JarFile(ownJar().toFile())) {
            String stamp = stampOf(jar);
            Path cacheRoot = cacheRoot();
            Files.createDirectories(cacheRoot);
            FileChannel channel = FileChannel.open(cacheRoot.resolve("felix.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            Path cache = cacheRoot.resolve("felix");
            Path temporary = null;
            if (tryLock(channel) == null) {
                channel.close();
                channel = null;
                temporary = Files.createTempDirectory("certloom-felix");
                cache = temporary;
            }
            Framework framework = newFramework(cache, systemPackages(jar), shell);
            framework.init();
            FrameworkRuntime runtime = new FrameworkRuntime(framework, channel, temporary);
            runtime.installBundles(jar, cache.resolve(STAMP), stamp);
            framework.start();
            runtime.startBundles(shell);
            return runtime;
        } catch (BundleException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Returns the core's command service, waiting for it to come up. */
    CommandService commandService() throws IOException {
        return (CommandService) awaitService(
                "(objectClass=" + CommandService.class.getName() + ")", "the Certloom core");
    }

    private Object awaitService(String filter, String what) throws IOException {
        try {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(
                    framework.getBundleContext(), FrameworkUtil.createFilter(filter), null);
            tracker.open();
            try {
                Object service = tracker.waitForService(SERVICE_WAIT_MILLIS);
                if (service == null) {
                    throw new IOException(what + " did not start; see the log for why.");
                }
                return service;
            } finally {
                // The service object stays valid while it is registered; only the
                // tracking ends.
                tracker.close();
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Bad service filter " + filter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting Certloom.", e);
        }
    }

    /**
     * Opens the Gogo shell once the core's commands are there, and waits until someone
     * stops the framework, as the shell's {@code exit 0} does.
     */
    void awaitShutdown() throws IOException {
        awaitService("(osgi.command.scope=certloom)", "the certloom shell commands");
        try {
            for (Bundle bundle : framework.getBundleContext().getBundles()) {
                if (SHELL_READER.equals(bundle.getSymbolicName())) {
                    bundle.start(Bundle.START_TRANSIENT);
                }
            }
        } catch (BundleException e) {
            throw new IOException("The Gogo shell did not start: " + e.getMessage(), e);
        }
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the shell ran.", e);
        }
    }

    /**
     * Releases the cache for a process that is about to exit without stopping the
     * framework. A temporary cache is removed, which needs the framework stopped first.
     */
    void release() {
        if (temporaryCache != null) {
            stop();
            return;
        }
        System.out.flush();
        System.err.flush();
        endNativeWaits();
        try {
            lockChannel.close();
        } catch (IOException e) {
            System.err.println("Could not release the framework cache: " + e.getMessage());
        }
    }

    /**
     * Ends the HTTP client's selector threads before the process exits. HotSpot waits up
     * to about 300 ms at exit for every thread that sits in a native call, and the JDK 17
     * HTTP client, which has no close method, keeps one waiting in epoll for as long as
     * the client lives. An interrupted selector thread leaves its loop at once.
     */
    private static void endNativeWaits() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().endsWith("SelectorManager")) {
                thread.interrupt();
                try {
                    thread.join(SELECTOR_EXIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops the framework and releases the cache. */
    void stop() {
        try {
            framework.stop();
            framework.waitForStop(SERVICE_WAIT_MILLIS);
        } catch (BundleException | InterruptedException e) {
            System.err.println("Certloom did not stop cleanly: " + e.getMessage());
        }
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
            if (temporaryCache != null) {
                deleteTree(temporaryCache);
            }
        } catch (IOException e) {
            System.err.println("Could not remove the temporary cache: " + e.getMessage());
        }
    }

    private void installBundles(JarFile jar, Path stampFile, String stamp)
            throws IOException, BundleException {
        BundleContext context = framework.getBundleContext();
        boolean current = Files.exists(stampFile)
                && Files.readString(stampFile).equals(stamp)
                && context.getBundles().length > 1;
        if (current) {
            return;
        }
        Files.deleteIfExists(stampFile);
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                bundle.uninstall();
            }
        }
        for (JarEntry entry : bundleEntries(jar)) {
            try (InputStream in = jar.getInputStream(entry)) {
                context.installBundle("certloom:" + entry.getName(), in);
            }
        }
        Files.writeString(stampFile, stamp);
    }

    private void startBundles(boolean shell) throws BundleException {
        List<Bundle> started = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            String name = String.valueOf(bundle.getSymbolicName());
            boolean wanted = shell ? !name.equals(SHELL_READER) : !SHELL_ONLY.contains(name);
            if (bundle.getBundleId() != 0 && !fragment && wanted) {
                started.add(bundle);
            }
        }
        for (Bundle bundle : started) {
            // Transient: which bundles run is decided by each launch, not remembered.
            bundle.start(Bundle.START_TRANSIENT);
        }
    }

    private static Framework newFramework(Path cache, String systemPackages, boolean shell) {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, "none");
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackages);
        config.put("felix.log.level", "1");
        config.put("ds.loglevel", "warn");
        config.put("gosh.args", shell ? "" : "--nointeractive --noshutdown");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        return factory.newFramework(config);
    }

    /** The packages of core.api and SLF4J, which live on the class path, with versions. */
    private static String systemPackages(JarFile jar) throws IOException {
        List<String> exports = new ArrayList<>();
        for (JarEntry entry : jar.stream().toList()) {
            if (entry.getName().startsWith(API_JARS) && entry.getName().endsWith(".jar")) {
                try (JarInputStream api = new JarInputStream(jar.getInputStream(entry))) {
                    exports.add(api.getManifest().getMainAttributes()
                            .getValue(Constants.EXPORT_PACKAGE));
                }
            }
        }
        return String.join(",", exports);
    }

    private static List<JarEntry> bundleEntries(JarFile jar) {
        return jar.stream()
                .filter(e -> e.getName().startsWith(BUNDLES) && e.getName().endsWith(".jar"))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    /** A checksum of the embedded bundles' names and CRCs: it changes with any bundle. */
    private static String stampOf(JarFile jar) {
        CRC32 crc = new CRC32();
        for (JarEntry entry : bundleEntries(jar)) {
            crc.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            crc.update(Long.toString(entry.getCrc()).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return Long.toHexString(crc.getValue());
    }

    private static Path ownJar() throws IOException {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate certloom.jar", e);
        }
    }

    /** {@code $CERTLOOM_CACHE_DIR}, else the XDG cache folder, else {@code ~/.cache}. */
    private static Path cacheRoot() {
        String explicit = System.getenv("CERTLOOM_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("certloom");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
