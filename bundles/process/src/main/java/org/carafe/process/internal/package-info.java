/**
 * The process lifecycle: one Declarative Services component per request, from init_thread to
 * list_handles, plus the listener that drops startup records a process leaves unused. Every
 * piece of state lives in api model objects, so this bundle can be updated in place.
 */
package org.carafe.process.internal;
