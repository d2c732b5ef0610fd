/**
 * The request handler SPI. A handler is an OSGi service implementing {@link
 * org.carafe.api.handler.RequestHandler} with the request's name in the {@code carafe.request}
 * service property; the dispatcher picks the one with the highest {@code service.ranking}.
 */
@Export
@Version("1.1.0")
package org.carafe.api.handler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
