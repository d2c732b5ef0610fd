/**
 * Lifecycle listener services: the process bundle announces process and thread events through
 * the kernel, and bundles such as console and debugger take part by registering listeners.
 */
@Export
@Version("1.1.0")
package org.carafe.api.lifecycle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
