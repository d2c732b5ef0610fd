/**
 * What a front-end hands to its successor when its bundle is updated in place: the listening
 * socket with its lock, every open connection with the bytes it has read but not served and
 * written but not sent, and the request codes handed out. Only JDK and model types, so both
 * revisions agree on them.
 */
@Export
@Version("1.0.0")
package org.carafe.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
