/**
 * Running the user's hooks: the process runner behind {@link
 * dev.certloom.api.hook.HookRunner}, and certbot's pre, deploy and post hooks of the
 * command line and of the {@code renewal-hooks} folders.
 */
package dev.certloom.core.impl.hooks;
