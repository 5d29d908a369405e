package dev.certloom.core.impl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps the log of this package (SLF4J over java.util.logging in tests) in memory, so that
 * tests print nothing and can check what was logged.
 */
final class LogCapture extends Handler {

    private static final LogCapture INSTANCE = new LogCapture();
    // Held here: java.util.logging keeps loggers only weakly, and would drop the settings.
    private static final Logger PACKAGE = Logger.getLogger("dev.certloom.core.impl.cli");

    static {
        PACKAGE.setUseParentHandlers(false);
        PACKAGE.setLevel(Level.ALL);
        PACKAGE.addHandler(INSTANCE);
    }

    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture() {
    }

    /** Returns the capture, emptied. */
    static LogCapture start() {
        synchronized (INSTANCE) {
            INSTANCE.records.clear();
        }
        return INSTANCE;
    }

    /** Returns "LEVEL message" for each record at INFO or above, in order. */
    synchronized List<String> lines() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> r.getLevel() + " " + formatter.formatMessage(r)).toList();
    }

    /** Returns the exceptions logged at a level, in order. */
    synchronized List<Throwable> thrown(Level level) {
        return records.stream().filter(r -> r.getLevel() == level && r.getThrown() != null)
                .map(LogRecord::getThrown).toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
