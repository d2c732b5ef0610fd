package org.carafe.memory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of memory access (PID {@code org.carafe.memory}), read by DS from ConfigAdmin. */
@ObjectClassDefinition(id = MemoryAccess.PID, name = "Carafe memory access",
        description = "Limits of read_process_memory and write_process_memory.")
public @interface MemoryConfig {
    /** 64 MiB. */
    int DEFAULT_MAX_TRANSFER_BYTES = 64 << 20;

    @AttributeDefinition(name = "Largest transfer (bytes)",
            description = "Most bytes one request may read or write; a larger length is "
                    + "STATUS_INVALID_PARAMETER. Writes are also limited by the transport's "
                    + "max.request.bytes.")
    int max_transfer_bytes() default DEFAULT_MAX_TRANSFER_BYTES;
}
