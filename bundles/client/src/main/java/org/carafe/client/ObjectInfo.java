package org.carafe.client;

/** Reply of {@code get_object_info}: the handle's access, the object's counts and type. */
public record ObjectInfo(int access, int refCount, int handleCount, String type) {
}
