/**
 * Debug sessions as server objects: a {@link org.carafe.api.debug.DebugSession} per debugger
 * process holds the queue of {@link org.carafe.api.debug.DebugEvent}s of its debuggees. These
 * types live in the api bundle so that every session, queued event and suspended debuggee
 * outlives an update of the debugger bundle. All of it is confined to the kernel's loop.
 */
@Export
@Version("1.0.0")
package org.carafe.api.debug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
