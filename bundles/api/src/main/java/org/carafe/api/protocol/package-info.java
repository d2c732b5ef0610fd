/**
 * Wire-level facts of the Carafe protocol: status codes, rights and flags, request names and
 * codes, and the little-endian codec used by the transport, the handlers and the client.
 */
@Export
@Version("1.2.0")
package org.carafe.api.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
