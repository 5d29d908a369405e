package dev.certloom.core.impl.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects what one package logs during a test, through the JDK logging that the test
 * class path binds SLF4J to, and keeps it off the console: tests do not print. Register
 * it with {@code @RegisterExtension}.
 */
public final class PackageLogCapture implements BeforeEachCallback, AfterEachCallback {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    // A strong reference: the JDK keeps loggers only weakly, and settings die with them.
    private final Logger packageLogger;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    private PackageLogCapture(String packageName) {
        this.packageLogger = Logger.getLogger(packageName);
    }

    /** Returns a capture of the package that {@code type} belongs to. */
    public static PackageLogCapture forPackageOf(Class<?> type) {
        return new PackageLogCapture(type.getPackageName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        previousLevel = packageLogger.getLevel();
        packageLogger.setLevel(Level.ALL);
        packageLogger.setUseParentHandlers(false);
        packageLogger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        packageLogger.removeHandler(handler);
        packageLogger.setUseParentHandlers(true);
        packageLogger.setLevel(previousLevel);
        records.clear();
    }

    /** Returns the messages logged at WARNING (SLF4J's WARN), in order. */
    public List<String> warnings() {
        return records.stream().filter(record -> record.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage).toList();
    }

    /** Returns every message logged, at any level, in order. */
    public List<String> all() {
        return records.stream().map(LogRecord::getMessage).toList();
    }
}
