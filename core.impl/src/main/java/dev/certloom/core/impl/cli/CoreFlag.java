package dev.certloom.core.impl.cli;

import dev.certloom.core.impl.hooks.HookSettings;
import dev.certloom.core.impl.storage.Workspace;
import java.util.List;

/**
 * The certbot flags the core itself understands, with certbot's spellings. Which verb
 * uses which flag is said by {@link Verb#flags()}; every flag is accepted with every
 * verb, as certbot accepts them.
 */
enum CoreFlag implements Flag {

    DOMAINS("-d --domains --domain", "DOMAIN", true, "Names for the certificate, "
            + "comma-separated; repeat the flag for more. The first name is the subject and, "
            + "unless --cert-name says otherwise, names the certificate on disk. With "
            + "certificates: show only those that hold every name given."),
    CERT_NAME("--cert-name", "CERTNAME", false, "The certificate's name on disk, its "
            + "folder under live/ (default: the first name). With certificates: show only "
            + "that certificate."),
    AUTHENTICATOR("-a --authenticator", "NAME", false, "The authenticator plugin that "
            + "proves control of the names; --NAME does the same."),
    PREFERRED_CHALLENGES("--preferred-challenges", "PREF_CHALLS", false, "Challenge types "
            + "in order of preference, comma-separated: http (http-01), dns (dns-01), "
            + "tls-alpn (tls-alpn-01) (default: the authenticator's own order)."),
    PREFERRED_CHAIN("--preferred-chain", "PREFERRED_CHAIN", false, "When the CA offers "
            + "several chains, take the one whose topmost certificate was issued by this "
            + "common name; without a match, the CA's default chain."),
    KEY_TYPE("--key-type", "{rsa,ecdsa}", false, "The kind of private key to generate "
            + "(default: ecdsa)."),
    RSA_KEY_SIZE("--rsa-key-size", "N", false, "The size of an RSA key in bits, used with "
            + "--key-type rsa (default: 2048)."),
    ELLIPTIC_CURVE("--elliptic-curve", "N", false, "The curve of an ECDSA key: secp256r1, "
            + "secp384r1 or secp521r1 (default: secp256r1)."),
    DRY_RUN("--dry-run", "", true, "Rehearse against the staging server: obtain a test "
            + "certificate and keep nothing."),
    EMAIL("-m --email", "EMAIL", true, "The address the CA writes to about expiring "
            + "certificates and security problems."),
    AGREE_TOS("--agree-tos", "", true, "Agree to the CA's terms of service without being "
            + "asked."),
    WITHOUT_EMAIL("--register-unsafely-without-email", "", false, "Create the account "
            + "without an e-mail address; the CA then cannot warn you before a certificate "
            + "expires."),
    EFF_EMAIL("--eff-email", "", false, "Accepted so that certbot scripts run; ignored, "
            + "Certloom shares the address with nobody."),
    NO_EFF_EMAIL("--no-eff-email", "", false, "Accepted so that certbot scripts run; "
            + "ignored."),
    SERVER("--server", "SERVER", false, "The ACME directory URL of the CA (default: "
            + ServerChoice.PRODUCTION + ")."),
    STAGING("--test-cert --staging", "", true, "Use Let's Encrypt's staging server, whose "
            + "certificates nobody trusts; the same as --server " + ServerChoice.STAGING
            + "."),
    PRE_HOOK("--pre-hook", "PRE_HOOK", false, "A shell command to run before obtaining "
            + "a certificate, after the executables in renewal-hooks/pre/; its failure "
            + "stops the run."),
    POST_HOOK("--post-hook", "POST_HOOK", false, "A shell command to run at the end, also "
            + "when obtaining failed, after the executables in renewal-hooks/post/."),
    DEPLOY_HOOK("--deploy-hook --renew-hook", "DEPLOY_HOOK", false, "A shell command to "
            + "run after a certificate was saved, after the executables in "
            + "renewal-hooks/deploy/; RENEWED_LINEAGE holds the live folder and "
            + "RENEWED_DOMAINS the names, space-separated. --renew-hook is certbot's older "
            + "name."),
    HOOK_TIMEOUT("--hook-timeout", "SECONDS", false, "How long each hook may run before "
            + "it is stopped with everything it started and the run fails (default: "
            + HookSettings.DEFAULT_TIMEOUT.toSeconds() + ")."),
    NO_DIRECTORY_HOOKS("--no-directory-hooks", "", false, "Do not run the executables in "
            + "the renewal-hooks folders."),
    DISABLE_HOOK_VALIDATION("--disable-hook-validation", "", false, "Do not check before "
            + "any order that each hook command starts with an executable."),
    AUTHENTICATORS("--authenticators", "", false, "With plugins: list only authenticators."),
    INSTALLERS("--installers", "", false, "With plugins: list only installers."),
    NON_INTERACTIVE("-n --non-interactive --noninteractive", "", true, "Never ask a "
            + "question; fail instead when an answer is missing."),
    FORCE_INTERACTIVE("--force-interactive", "", false, "Ask questions even when standard "
            + "input or output is not a terminal, as when answers are piped in; -n wins."),
    QUIET("-q --quiet", "", false, "Print nothing but errors; implies -n. Meant for cron."),
    VERBOSE("-v --verbose", "", false, "Show more of the log on the terminal; repeat for "
            + "more, as in -vv."),
    CONFIG_DIR("--config-dir", "CONFIG_DIR", false, "Where certificates, accounts and "
            + "renewal settings are kept (default: " + Workspace.DEFAULT_CONFIG + ")."),
    WORK_DIR("--work-dir", "WORK_DIR", false, "Where a run keeps its temporary files "
            + "(default: " + Workspace.DEFAULT_WORK + ")."),
    LOGS_DIR("--logs-dir", "LOGS_DIR", false, "Where the log is written (default: "
            + Workspace.DEFAULT_LOGS + ")."),
    HELP("-h --help", "[TOPIC]", false, "Show this help, or the help on a topic: all, "
            + "commands, a subcommand or a plugin."),
    VERSION("--version", "", false, "Print Certloom's version.");

    private final List<String> names;
    private final String metavar;
    private final boolean overview;
    private final String help;

    CoreFlag(String names, String metavar, boolean overview, String help) {
        this.names = List.of(names.split(" "));
        this.metavar = metavar;
        this.overview = overview;
        this.help = help;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean takesValue() {
        // HELP shows an optional topic, which the command service reads before parsing.
        return !metavar.isEmpty() && this != HELP;
    }

    @Override
    public String metavar() {
        return metavar;
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public String synopsis() {
        return this == HELP ? String.join(", ", names) + " " + metavar : Flag.super.synopsis();
    }

    /** Returns whether the short help without a topic lists this flag. */
    boolean inOverview() {
        return overview;
    }

    /** Returns the flags every verb shares: folders, questions and output. */
    static List<CoreFlag> common() {
        return List.of(NON_INTERACTIVE, FORCE_INTERACTIVE, QUIET, VERBOSE, CONFIG_DIR, WORK_DIR,
                LOGS_DIR, HELP, VERSION);
    }
}
