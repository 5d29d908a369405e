package dev.certloom.core.impl.engine;

import dev.certloom.api.plugin.OptionValues;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.service.CertificateRequest;
import dev.certloom.api.service.KeySpec;
import dev.certloom.core.impl.storage.RenewalConfiguration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The {@code [renewalparams]} a lineage keeps, under the keys certbot uses, so that a
 * renewal (by Certloom or by certbot) repeats the same choices.
 */
final class RenewalParams {

    private RenewalParams() {
    }

    /**
     * Collects the parameters of a request into a new renewal configuration.
     *
     * @param request   what was obtained
     * @param accountId the account's id
     * @param plugin    the authenticator's name
     * @param options   the authenticator's declared options
     */
    static RenewalConfiguration of(CertificateRequest request, String accountId, String plugin,
            List<PluginOption> options) {
        RenewalConfiguration renewal = new RenewalConfiguration();
        renewal.setParam("account", accountId);
        renewal.setParam("authenticator", plugin);
        renewal.setParam("server", request.account().server().toString());
        KeySpec key = request.key();
        if (key.algorithm() == KeySpec.Algorithm.RSA) {
            renewal.setParam("key_type", "rsa");
            renewal.setParam("rsa_key_size", Integer.toString(key.rsaBits()));
        } else {
            renewal.setParam("key_type", "ecdsa");
            renewal.setParam("elliptic_curve", key.curve());
        }
        if (!request.preferredChallenges().isEmpty()) {
            renewal.setParamList("pref_challs", request.preferredChallenges().stream()
                    .map(t -> t.token()).toList());
        }
        request.preferredChainIfSet().ifPresent(c -> renewal.setParam("preferred_chain", c));
        OptionValues given = request.authenticatorOptions();
        // certbot keeps the name-to-value mapping of its one per-name option, webroot's
        // -w, as the subsection <plugin>_map; every per-name option is kept the same way.
        String mapSection = plugin + "_map";
        for (PluginOption option : options) {
            if (option.perDomain() && !given.perDomain(option.name()).isEmpty()) {
                renewal.setSubsection(mapSection,
                        new LinkedHashMap<>(given.perDomain(option.name())));
            }
            List<String> all = given.all(option.name());
            if (all.isEmpty() || option.renewalKey().equals(mapSection)) {
                continue;
            }
            if (option.repeatable()) {
                renewal.setParamList(option.renewalKey(), all);
            } else {
                renewal.setParam(option.renewalKey(), all.get(all.size() - 1));
            }
        }
        return renewal;
    }
}
