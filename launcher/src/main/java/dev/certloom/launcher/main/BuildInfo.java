package dev.certloom.launcher.main;

/** What the jar knows about its own build. */
final class BuildInfo {

    private BuildInfo() {
    }

    /** Returns the version from the jar's manifest, or {@code dev} outside a jar. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
