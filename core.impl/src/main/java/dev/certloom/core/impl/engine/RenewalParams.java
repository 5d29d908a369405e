package dev.certloom.core.impl.engine;

import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.KeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code [renewalparams]} a lineage keeps, under the keys certbot uses, so that a
 * renewal (by Certloom or by certbot) repeats the same choices.
 *
 * @param values      the flat keys
 * @param subsections nested sections, such as certbot's {@code [[webroot_map]]}
 */
record RenewalParams(Map<String, String> values, Map<String, Map<String, String>> subsections) {

    /**
     * Collects the parameters of a request.
     *
     * @param request   what was obtained
     * @param accountId the account's id
     * @param plugin    the authenticator's name
     * @param options   the authenticator's declared options
     */
    static RenewalParams of(CertificateRequest request, String accountId, String plugin,
            List<PluginOption> options) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Map<String, String>> subsections = new LinkedHashMap<>();
        values.put("account", accountId);
        values.put("authenticator", plugin);
        values.put("server", request.account().server().toString());
        KeySpec key = request.key();
        if (key.algorithm() == KeySpec.Algorithm.RSA) {
            values.put("key_type", "rsa");
            values.put("rsa_key_size", Integer.toString(key.rsaBits()));
        } else {
            values.put("key_type", "ecdsa");
            values.put("elliptic_curve", key.curve());
        }
        if (!request.preferredChallenges().isEmpty()) {
            values.put("pref_challs", list(request.preferredChallenges().stream()
                    .map(t -> t.token().toLowerCase(Locale.ROOT)).toList()));
        }
        request.preferredChainIfSet().ifPresent(c -> values.put("preferred_chain", c));
        OptionValues given = request.authenticatorOptions();
        // certbot keeps the name-to-value mapping of its one per-name option, webroot's
        // -w, as the subsection <plugin>_map; every per-name option is kept the same way.
        String mapSection = plugin + "_map";
        for (PluginOption option : options) {
            if (option.perDomain() && !given.perDomain(option.name()).isEmpty()) {
                subsections.put(mapSection, new LinkedHashMap<>(given.perDomain(option.name())));
            }
            List<String> all = given.all(option.name());
            if (!all.isEmpty() && !option.renewalKey().equals(mapSection)) {
                values.put(option.renewalKey(), option.repeatable() ? list(all)
                        : all.get(all.size() - 1));
            }
        }
        return new RenewalParams(values, subsections);
    }

    /** certbot's list syntax: comma separated, and a single element keeps a trailing comma. */
    private static String list(List<String> items) {
        return items.size() == 1 ? items.get(0) + ","
                : items.stream().collect(Collectors.joining(", "));
    }
}
