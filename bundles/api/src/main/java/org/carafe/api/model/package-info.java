/**
 * The object and state model: objects, handles, processes, threads and the {@link
 * org.carafe.api.model.Kernel} that holds them. These types live in the api bundle so that
 * everything they hold outlives the update of any handler bundle. All of it is confined to the
 * kernel's {@link org.carafe.api.model.ServerLoop}; nothing here is thread-safe unless it says so.
 */
@Export
@Version("1.5.0")
package org.carafe.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
