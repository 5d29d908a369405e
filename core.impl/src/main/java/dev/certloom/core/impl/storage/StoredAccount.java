package dev.certloom.core.impl.storage;

import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An ACME account as {@link AccountStore} keeps it, in certbot's layout.
 *
 * @param id       certbot's account id: the MD5 of the public key in PEM, in hexadecimal;
 *                 also the account's folder name
 * @param server   the ACME directory URL the account belongs to
 * @param keyPair  the account key (RFC 8555 section 7.3), private part included
 * @param location the account URL the CA returned at registration
 * @param contacts the contact URIs, such as {@code mailto:admin@example.org}; empty when
 *                 none were stored (certbot stores none)
 * @param created  when the account was stored, to the second
 */
public record StoredAccount(String id, URI server, KeyPair keyPair, URI location,
        List<String> contacts, Instant created) {

    public StoredAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(location, "location");
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(created, "created");
    }
}
