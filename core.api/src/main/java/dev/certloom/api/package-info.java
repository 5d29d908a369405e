/**
 * Values and exceptions shared by every Certloom contract: identifiers, the console a
 * caller lends to the core, and the one exception family.
 */
@Export
@Version("1.0.0")
package dev.certloom.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
