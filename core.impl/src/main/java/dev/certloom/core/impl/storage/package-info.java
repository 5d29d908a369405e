/**
 * Storage in certbot's layout: the configuration, work and logs folders, their lock
 * files, lineages (live, archive, renewal configuration) and accounts.
 */
package dev.certloom.core.impl.storage;
