package dev.certloom.core.impl.hooks;

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
 * Collects what the hooks package logs during a test, through the JDK logging that the
 * test class path binds SLF4J to, and keeps it off the console: tests do not print.
 */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    // A strong reference: the JDK keeps loggers only weakly, and settings die with them.
    private final Logger packageLogger = Logger.getLogger("dev.certloom.core.impl.hooks");
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
    List<String> warnings() {
        return records.stream().filter(record -> record.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage).toList();
    }

    /** Returns every message logged, at any level, in order. */
    List<String> all() {
        return records.stream().map(LogRecord::getMessage).toList();
    }
}
