package dev.certloom.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Asks one DNS server on 127.0.0.1 directly (the JDK's JNDI DNS client), bypassing the
 * machine's resolver, to see what Pebble will see.
 */
final class DnsLookup {

    private final int port;

    /** @param port the server's port on 127.0.0.1 */
    DnsLookup(int port) {
        this.port = port;
    }

    /**
     * Returns the IPv4 addresses of {@code name}; empty when it has none.
     *
     * @throws IOException when the server does not answer
     */
    List<String> addresses(String name) throws IOException {
        return records(name, "A");
    }

    /**
     * Returns the TXT values of {@code name}, without quotes; empty when it has none.
     *
     * @throws IOException when the server does not answer
     */
    List<String> texts(String name) throws IOException {
        return records(name, "TXT").stream().map(DnsLookup::unquote).toList();
    }

    private List<String> records(String name, String type) throws IOException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(DirContext.PROVIDER_URL, "dns://127.0.0.1:" + port);
        environment.put("com.sun.jndi.dns.timeout.initial", "300");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            Attributes attributes = context.getAttributes(name, new String[] {type});
            Attribute attribute = attributes.get(type);
            List<String> values = new ArrayList<>();
            if (attribute != null) {
                NamingEnumeration<?> all = attribute.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return values;
        } catch (NameNotFoundException absent) {
            return List.of();
        } catch (NamingException e) {
            throw new IOException("DNS server 127.0.0.1:" + port + " did not answer " + type
                    + " " + name + ": " + e.getMessage(), e);
        } finally {
            close(context);
        }
    }

    private static void close(DirContext context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (NamingException ignored) {
            // Closing a DNS context releases nothing that outlives this lookup.
        }
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
