package dev.certloom.core.impl.engine;

import dev.certloom.api.PluginException;
import dev.certloom.api.challenge.ChallengeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which of the challenges a CA offers for a name the authenticator answers: the
 * first type in the user's preference order ({@code --preferred-challenges}) that the CA
 * offers and the plugin supports; without a preference, the plugin's types in a fixed
 * order (HTTP-01, DNS-01, TLS-ALPN-01).
 */
final class ChallengeSelector {

    private final List<ChallengeType> order;
    private final Set<ChallengeType> supported;

    /**
     * @param preferred the user's preference, possibly empty
     * @param supported what the authenticator can satisfy
     */
    ChallengeSelector(List<ChallengeType> preferred, Set<ChallengeType> supported) {
        this.order = preferred.isEmpty() ? List.of(ChallengeType.values()) : preferred;
        this.supported = Set.copyOf(supported);
    }

    /**
     * Picks a type among those the CA offered for a name.
     *
     * @param name    the name, for the message
     * @param offered the ACME type names the CA offered, such as {@code http-01}
     * @param plugin  the authenticator's name, for the message
     * @return the type to answer
     * @throws PluginException when nothing fits, listing what was offered and supported
     */
    ChallengeType choose(String name, List<String> offered, String plugin)
            throws PluginException {
        List<ChallengeType> known = new ArrayList<>();
        for (String token : offered) {
            ChallengeType.forToken(token).ifPresent(known::add);
        }
        Optional<ChallengeType> pick = order.stream()
                .filter(known::contains).filter(supported::contains).findFirst();
        if (pick.isPresent()) {
            return pick.get();
        }
        throw new PluginException("No challenge for " + name + " fits: the CA offered "
                + String.join(", ", offered) + ", the " + plugin + " plugin can do "
                + names(supported) + (order.size() < ChallengeType.values().length
                ? " and --preferred-challenges allows " + names(order) : "") + ".");
    }

    private static String names(java.util.Collection<ChallengeType> types) {
        return types.stream().map(ChallengeType::token).sorted()
                .collect(Collectors.joining(", "));
    }
}
