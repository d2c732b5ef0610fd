/**
 * Consoles as server objects: a {@link org.carafe.api.console.Console} owns one {@link
 * org.carafe.api.console.ConsoleInput} (a queue of input records) and one {@link
 * org.carafe.api.console.ScreenBuffer} (a grid of characters with a cursor). These types live
 * in the api bundle so that every console outlives an update of the console bundle. All of it
 * is confined to the kernel's loop.
 */
@Export
@Version("1.0.0")
package org.carafe.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
