/**
 * Memory access: one Declarative Services component per request (read_process_memory,
 * write_process_memory, list_memory_regions) and the component that owns their copy threads
 * and configuration. The copies go through {@code /proc/PID/mem} of owned processes; this bundle
 * keeps no state that must outlive an update.
 */
package org.carafe.memory.internal;
