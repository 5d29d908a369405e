package dev.certloom.launcher.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Directs the log (SLF4J over java.util.logging) for one command: everything from DEBUG
 * up to {@code certloom.log} in the logs folder, and warnings, or more with {@code -v},
 * to standard error.
 */
public final class LogSetup {

    static final String LOG_FILE = "certloom.log";

    private LogSetup() {
    }

    /**
     * @param logsDirectory the command's logs folder, which exists
     * @param verbosity     0 by default, more with each {@code -v}, negative with {@code -q}
     */
    public static void configure(Path logsDirectory, int verbosity) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
        // DEBUG for Certloom's own loggers only: the JDK's HTTP client and acme4j would
        // flood the file (and acme4j's debug output holds protocol payloads).
        root.setLevel(Level.INFO);
        Logger.getLogger("dev.certloom").setLevel(Level.FINE);
        Formatter format = new LineFormat();
        try {
            FileHandler file = new FileHandler(
                    logsDirectory.resolve(LOG_FILE).toString(), 0, 1, true);
            file.setLevel(Level.FINE);
            file.setFormatter(format);
            root.addHandler(file);
        } catch (IOException e) {
            System.err.println("Cannot write the log file in " + logsDirectory
                    + " (" + e.getMessage() + "); continuing without it.");
        }
        if (verbosity >= 0) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(verbosity == 0 ? Level.WARNING
                    : verbosity == 1 ? Level.INFO : Level.FINE);
            if (verbosity == 0) {
                // A failure reaches the user as the command's one sentence; its ERROR
                // record would only say it twice. Warnings still show.
                console.setFilter(r -> r.getLevel().intValue() < Level.SEVERE.intValue());
            }
            console.setFormatter(format);
            root.addHandler(console);
        }
    }

    /** One line a record: time, level, logger, message; a stack trace below when there is one. */
    private static final class LineFormat extends Formatter {

        private static final DateTimeFormatter TIME = DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(TIME.format(record.getInstant())).append(':')
                    .append(levelName(record.getLevel())).append(':')
                    .append(record.getLoggerName()).append(':')
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String levelName(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "WARNING";
            }
            return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
        }
    }
}
