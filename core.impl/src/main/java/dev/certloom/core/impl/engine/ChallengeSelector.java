package dev.certloom.core.impl.engine;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which of the challenges a CA offers for a name the authenticator answers, by
 * certbot's rule: the first type in the user's preference order
 * ({@code --preferred-challenges}) that the plugin supports and the CA offers; without a
 * preference, the plugin's types in a fixed order (HTTP-01, DNS-01, TLS-ALPN-01). Types
 * the user did not name are never chosen. Immutable.
 */
final class ChallengeSelector {

    private final List<ChallengeType> preferred;
    private final List<ChallengeType> order;
    private final Set<ChallengeType> supported;

    /**
     * @param preferred the user's preference, possibly empty
     * @param supported what the authenticator can satisfy
     */
    ChallengeSelector(List<ChallengeType> preferred, Set<ChallengeType> supported) {
        this.preferred = List.copyOf(preferred);
        this.order = preferred.isEmpty() ? List.of(ChallengeType.values()) : this.preferred;
        this.supported = Set.copyOf(supported);
    }

    /**
     * Picks a type among those the CA offered for a name.
     *
     * @param name    the name, for the message
     * @param offered the ACME type names the CA offered, such as {@code http-01}
     * @param plugin  the authenticator's name, for the message
     * @return the type to answer
     * @throws PluginException when nothing fits, listing what was offered, what the plugin
     *                         supports and what the user allowed
     */
    ChallengeType choose(String name, List<String> offered, String plugin)
            throws PluginException {
        List<ChallengeType> known = new ArrayList<>();
        for (String token : offered) {
            ChallengeType.forToken(token).ifPresent(known::add);
        }
        Optional<ChallengeType> pick = order.stream()
                .filter(supported::contains).filter(known::contains).findFirst();
        if (pick.isPresent()) {
            return pick.get();
        }
        String allowed = preferred.isEmpty() ? ""
                : " and --preferred-challenges allows " + tokens(preferred);
        String fix = preferred.isEmpty()
                ? "choose an authenticator that can answer one of the offered types"
                : "change --preferred-challenges or choose another authenticator";
        throw new PluginException("No challenge for " + name + " fits: the CA offered "
                + (offered.isEmpty() ? "none" : String.join(", ", offered)) + ", the "
                + plugin + " plugin can do " + tokens(sorted(supported)) + allowed + "; "
                + fix + ".");
    }

    private static List<ChallengeType> sorted(Collection<ChallengeType> types) {
        return types.stream().sorted().toList();
    }

    private static String tokens(List<ChallengeType> types) {
        return types.stream().map(ChallengeType::token).collect(Collectors.joining(", "));
    }
}
