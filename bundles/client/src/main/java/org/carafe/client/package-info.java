/**
 * The Carafe client library: connect to a Carafe server over its Unix socket and act as an
 * emulated thread ({@link org.carafe.client.CarafeConnection}, {@link
 * org.carafe.client.EmulatedThread}) or a whole emulated process ({@link
 * org.carafe.client.EmulatedProcess}). Plain Java 17, no dependencies; usable on the class
 * path or as an OSGi bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carafe.client;
