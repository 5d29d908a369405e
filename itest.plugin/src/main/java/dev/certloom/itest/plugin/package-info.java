/**
 * The probe plugin: a minimal authenticator that the integration tests install and
 * remove while the framework runs, to watch the core discover and forget plugins.
 * Nothing here is exported.
 */
package dev.certloom.itest.plugin;
