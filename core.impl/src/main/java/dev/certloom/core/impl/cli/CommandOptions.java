package dev.certloom.core.impl.cli;

import dev.certloom.api.ConfigurationException;
import dev.certloom.api.challenge.ChallengeType;
import dev.certloom.api.plugin.PluginOption;
import dev.certloom.api.service.CertificateRequest.AccountSpec;
import dev.certloom.api.service.KeySpec;
import dev.certloom.core.impl.hooks.HookSettings;
import dev.certloom.core.impl.names.DomainNames;
import dev.certloom.core.impl.storage.Workspace;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the core's flags of one command line mean, checked all at once right after parsing,
 * as certbot checks every flag whatever the verb. Immutable.
 */
final class CommandOptions {

    /** certbot's short names for challenge types, beside the full ones. */
    private static final Map<String, ChallengeType> CHALLENGES = Map.of(
            "http", ChallengeType.HTTP_01, "http-01", ChallengeType.HTTP_01,
            "dns", ChallengeType.DNS_01, "dns-01", ChallengeType.DNS_01,
            "tls-alpn", ChallengeType.TLS_ALPN_01, "tls-alpn-01", ChallengeType.TLS_ALPN_01);

    private final ParsedArguments arguments;
    private final List<String> names;
    private final URI server;
    private final KeySpec key;
    private final List<ChallengeType> challenges;
    private final Workspace workspace;

    private CommandOptions(ParsedArguments arguments, List<String> names, URI server,
            KeySpec key, List<ChallengeType> challenges, Workspace workspace) {
        this.arguments = arguments;
        this.names = names;
        this.server = server;
        this.key = key;
        this.challenges = challenges;
        this.workspace = workspace;
    }

    /**
     * Interprets parsed arguments.
     *
     * @param arguments the parsed command line
     * @return the options
     * @throws UsageException         when a value is outside what its flag allows
     * @throws ConfigurationException when a {@code -d} name is invalid or the server
     *                                choice contradicts itself
     */
    static CommandOptions of(ParsedArguments arguments) throws ConfigurationException {
        checkPluginValues(arguments);
        List<String> names = DomainNames.toAscii(commaList(arguments.values(CoreFlag.DOMAINS)));
        URI server = ServerChoice.resolve(arguments.last(CoreFlag.SERVER),
                arguments.has(CoreFlag.STAGING), arguments.has(CoreFlag.DRY_RUN));
        Workspace workspace = new Workspace(
                path(arguments, CoreFlag.CONFIG_DIR, Workspace.DEFAULT_CONFIG),
                path(arguments, CoreFlag.WORK_DIR, Workspace.DEFAULT_WORK),
                path(arguments, CoreFlag.LOGS_DIR, Workspace.DEFAULT_LOGS));
        return new CommandOptions(arguments, names, server, keyOf(arguments),
                challengesOf(arguments), workspace);
    }

    /** Splits comma-separated values, as {@code -d a,b} and repeated flags give them. */
    static List<String> commaList(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            items.addAll(List.of(value.split(",", -1)));
        }
        return items;
    }

    /** Returns the parsed command line. */
    ParsedArguments arguments() {
        return arguments;
    }

    /** Returns the {@code -d} names in ASCII, in order, without duplicates. */
    List<String> names() {
        return names;
    }

    /** Returns the {@code --cert-name} value, if given. */
    Optional<String> certName() {
        return arguments.last(CoreFlag.CERT_NAME);
    }

    /** Returns the three folders from the folder flags or certbot's defaults. */
    Workspace workspace() {
        return workspace;
    }

    /** Returns whether {@code -q} asked for silence. */
    boolean quiet() {
        return arguments.has(CoreFlag.QUIET);
    }

    /** Returns whether questions are forbidden, by {@code -n} or {@code -q}. */
    boolean nonInteractive() {
        return quiet() || arguments.has(CoreFlag.NON_INTERACTIVE);
    }

    /** Returns whether {@code --force-interactive} asks to question a non-terminal. */
    boolean forceInteractive() {
        return arguments.has(CoreFlag.FORCE_INTERACTIVE);
    }

    /** Returns the verbosity for the log: the number of {@code -v}, or -1 with {@code -q}. */
    int verbosity() {
        return quiet() ? -1 : arguments.count(CoreFlag.VERBOSE);
    }

    /** Returns the ACME directory URL to use. */
    URI server() {
        return server;
    }

    /** Returns the account choices; the e-mail address is {@code null} when not given. */
    AccountSpec account() {
        String email = arguments.last(CoreFlag.EMAIL).filter(m -> !m.isBlank()).orElse(null);
        return new AccountSpec(server, email, arguments.has(CoreFlag.AGREE_TOS));
    }

    /** Returns whether the user chose to register without an e-mail address. */
    boolean withoutEmail() {
        return arguments.has(CoreFlag.WITHOUT_EMAIL);
    }

    /** Returns the kind of key to generate, ECDSA P-256 unless the flags say otherwise. */
    KeySpec key() {
        return key;
    }

    /** Returns the challenge types in order of preference, possibly empty. */
    List<ChallengeType> preferredChallenges() {
        return challenges;
    }

    /** Returns the {@code --preferred-chain} value, if given. */
    Optional<String> preferredChain() {
        return arguments.last(CoreFlag.PREFERRED_CHAIN);
    }

    /**
     * Returns the hook choices: the last of each hook flag, as certbot keeps the last.
     *
     * @throws UsageException when {@code --hook-timeout} is not a positive whole number
     */
    HookSettings hooks() throws UsageException {
        Duration timeout = HookSettings.DEFAULT_TIMEOUT;
        Optional<String> seconds = arguments.last(CoreFlag.HOOK_TIMEOUT);
        if (seconds.isPresent()) {
            long value;
            try {
                value = Long.parseLong(seconds.get().strip());
            } catch (NumberFormatException e) {
                value = 0;
            }
            if (value <= 0) {
                throw new UsageException("The --hook-timeout value '" + seconds.get()
                        + "' is not a positive whole number of seconds.");
            }
            timeout = Duration.ofSeconds(value);
        }
        return new HookSettings(arguments.last(CoreFlag.PRE_HOOK).orElse(null),
                arguments.last(CoreFlag.POST_HOOK).orElse(null),
                arguments.last(CoreFlag.DEPLOY_HOOK).orElse(null), timeout,
                !arguments.has(CoreFlag.NO_DIRECTORY_HOOKS),
                !arguments.has(CoreFlag.DISABLE_HOOK_VALIDATION));
    }

    /** Returns whether {@code --dry-run} was given. */
    boolean dryRun() {
        return arguments.has(CoreFlag.DRY_RUN);
    }

    private static Path path(ParsedArguments arguments, CoreFlag flag, Path fallback)
            throws UsageException {
        Optional<String> value = arguments.last(flag);
        try {
            return value.map(Path::of).orElse(fallback);
        } catch (InvalidPathException e) {
            throw new UsageException("The " + flag.names().get(0) + " value '" + value.get()
                    + "' is not a usable path (" + e.getReason() + ").");
        }
    }

    /** argparse checks typed values of every flag, whichever plugin is chosen; so do we. */
    private static void checkPluginValues(ParsedArguments arguments) throws UsageException {
        for (Occurrence occurrence : arguments.occurrences()) {
            if (!(occurrence.flag() instanceof PluginOptionFlag flag)) {
                continue;
            }
            String value = occurrence.value();
            try {
                if (flag.option().type() == PluginOption.Type.INTEGER) {
                    Integer.parseInt(value.strip());
                } else if (flag.option().type() == PluginOption.Type.PATH) {
                    Path.of(value);
                }
            } catch (NumberFormatException e) {
                throw new UsageException("The " + occurrence.name() + " value '" + value
                        + "' is not a whole number.");
            } catch (InvalidPathException e) {
                throw new UsageException("The " + occurrence.name() + " value '" + value
                        + "' is not a usable path (" + e.getReason() + ").");
            }
        }
    }

    private static KeySpec keyOf(ParsedArguments arguments) throws UsageException {
        String type = arguments.last(CoreFlag.KEY_TYPE).orElse("ecdsa");
        if (!type.equals("ecdsa") && !type.equals("rsa")) {
            throw new UsageException("The --key-type value '" + type + "' is unknown; "
                    + "give rsa or ecdsa.");
        }
        String curve = arguments.last(CoreFlag.ELLIPTIC_CURVE).orElse(KeySpec.DEFAULT.curve());
        if (!Set.of("secp256r1", "secp384r1", "secp521r1").contains(curve)) {
            throw new UsageException("The --elliptic-curve value '" + curve + "' is unknown; "
                    + "give secp256r1, secp384r1 or secp521r1.");
        }
        String size = arguments.last(CoreFlag.RSA_KEY_SIZE)
                .orElse(String.valueOf(KeySpec.DEFAULT.rsaBits()));
        int bits;
        try {
            bits = Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("The --rsa-key-size value '" + size + "' is not a whole "
                    + "number; give a size in bits such as 2048.");
        }
        try {
            return type.equals("rsa") ? new KeySpec(KeySpec.Algorithm.RSA, bits, curve)
                    : new KeySpec(KeySpec.Algorithm.EC, KeySpec.DEFAULT.rsaBits(), curve);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; change --rsa-key-size.");
        }
    }

    private static List<ChallengeType> challengesOf(ParsedArguments arguments)
            throws UsageException {
        Set<ChallengeType> types = new LinkedHashSet<>();
        for (String name : commaList(arguments.values(CoreFlag.PREFERRED_CHALLENGES))) {
            ChallengeType type = CHALLENGES.get(name.strip());
            if (type == null) {
                throw new UsageException("The challenge type '" + name.strip() + "' of "
                        + "--preferred-challenges is unknown; give http, dns or tls-alpn, "
                        + "comma-separated.");
            }
            types.add(type);
        }
        return List.copyOf(types);
    }
}
