/**
 * The challenge model: what a plugin must publish so that the certificate authority
 * believes the requester controls a name. Plain values only, so that plugins never see
 * the ACME library.
 */
@Export
@Version("1.0.0")
package dev.certloom.api.challenge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
