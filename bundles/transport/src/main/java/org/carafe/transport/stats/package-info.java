/**
 * What the transport tells operators about the requests it serves: per-request counts and
 * latencies ({@link org.carafe.transport.stats.RequestStatistics}, a service the transport
 * registers) and whether request tracing is on.
 */
@Export
@Version("1.0.0")
package org.carafe.transport.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
