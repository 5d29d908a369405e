package dev.certloom.core.impl.cli;

import java.util.List;

/**
 * {@code --NAME}: chooses the authenticator plugin of that name, as {@code -a NAME} does.
 *
 * @param plugin      the plugin's name
 * @param description the plugin's description
 */
record AuthenticatorFlag(String plugin, String description) implements Flag {

    @Override
    public List<String> names() {
        return List.of("--" + plugin);
    }

    @Override
    public boolean takesValue() {
        return false;
    }

    @Override
    public String metavar() {
        return "";
    }

    @Override
    public String help() {
        String what = HelpText.firstSentence(description);
        return "Use the " + plugin + " authenticator" + (what.isEmpty() ? "." : ": " + what);
    }
}
