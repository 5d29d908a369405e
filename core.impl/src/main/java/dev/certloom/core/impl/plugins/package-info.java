/** Follows the plugin services as bundles come and go. */
package dev.certloom.core.impl.plugins;
