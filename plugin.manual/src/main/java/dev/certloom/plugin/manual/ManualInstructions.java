package dev.certloom.plugin.manual;

import dev.certloom.api.challenge.Challenge;
import dev.certloom.api.challenge.Dns01Challenge;
import dev.certloom.api.challenge.Http01Challenge;
import java.nio.file.Path;
import java.util.List;

/** The text that tells a person what to publish for one challenge. Stateless. */
final class ManualInstructions {

    private ManualInstructions() {
    }

    /**
     * Describes one challenge.
     *
     * @param challenge the challenge
     * @param validation the value to publish ({@code CERTBOT_VALIDATION})
     * @param files     for TLS-ALPN-01 the certificate and key paths, otherwise empty
     * @param index     the challenge's position in the run, from 0
     * @param count     how many challenges the run has
     * @return lines ending with a line break
     */
    static String describe(Challenge challenge, String validation, List<Path> files,
            int index, int count) {
        StringBuilder text = new StringBuilder();
        String name = challenge.identifier().value();
        text.append("Challenge ").append(index + 1).append(" of ").append(count).append(", ")
                .append(challenge.type()).append(" for ").append(name).append(":\n");
        if (challenge instanceof Http01Challenge http) {
            text.append("Serve a file whose whole content is\n  ").append(validation)
                    .append("\nat the URL\n  http://").append(name).append(http.path())
                    .append('\n');
        } else if (challenge instanceof Dns01Challenge dns) {
            // The final dot makes the name absolute, so that a zone editor does not append
            // its own zone to it (RFC 1035 section 3.1).
            text.append("Add a TXT record named\n  ").append(dns.recordName())
                    .append(".\nwith the value\n  ").append(validation).append('\n')
                    .append("Several challenges may need TXT records of the same name; add"
                            + " each one next to the others.\n");
        } else {
            // RFC 8737 section 3: the certificate is offered only to the acme-tls/1 protocol.
            text.append("Let the TLS server on port 443 present, for the server name ")
                    .append(name).append(" and only for the ALPN protocol acme-tls/1,\n")
                    .append("  the certificate ").append(files.get(0)).append('\n')
                    .append("  with the key     ").append(files.get(1)).append('\n');
        }
        if (index > 0) {
            text.append("Keep what you published for the earlier challenges in place.\n");
        }
        return text.toString();
    }
}
