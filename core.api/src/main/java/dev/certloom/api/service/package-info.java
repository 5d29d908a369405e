/**
 * The certificate service for programs that embed Certloom: the same operations as the
 * command line as a typed Java API, plus the events it posts through Event Admin.
 */
@Export
@Version("1.0.0")
package dev.certloom.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
