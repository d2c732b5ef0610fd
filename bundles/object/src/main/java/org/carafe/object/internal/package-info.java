/**
 * The object core: the component that owns the {@link org.carafe.api.model.Kernel} and its loop,
 * and the handlers of the object and handle requests (close_handle, set_handle_info, dup_handle,
 * compare_objects, get_object_info, select, create_event, open_event, event_op). Private to the
 * bundle; other bundles see only the Kernel service and the handler services.
 */
package org.carafe.object.internal;
