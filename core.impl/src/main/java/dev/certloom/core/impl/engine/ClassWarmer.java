package dev.certloom.core.impl.engine;

import java.security.KeyPair;
import org.shredzone.acme4j.util.CSRBuilder;

/**
 * Loads, on a background thread, the classes the last steps of an order need: Bouncy
 * Castle's PKCS#10 writer and the JDK's ECDSA signing. A command runs once and exits, so
 * every class is loaded cold; doing it while the main thread waits for the CA takes that
 * time off the command on a machine with a second core. It never touches real keys and
 * its result is thrown away.
 */
final class ClassWarmer {

    private ClassWarmer() {
    }

    /** Starts the warming; returns at once. */
    static void start() {
        Thread thread = new Thread(ClassWarmer::warm, "certloom-class-warmer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void warm() {
        try {
            KeyPair throwaway = Keys.accountKey();
            CSRBuilder csr = new CSRBuilder();
            csr.addDomain("warm-up.invalid");
            csr.sign(throwaway);
            csr.getEncoded();
        } catch (Exception | LinkageError e) {
            // Only speed is at stake: the real steps load the same classes themselves.
            return;
        }
    }
}
