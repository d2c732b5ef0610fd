package org.carafe.api.transport;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * A front-end as its departing revision leaves it: the socket directory, the listening channel
 * with the lock file and lock it holds, the open connections, and the request names that were
 * given dynamic codes, in the order of their codes (so the successor gives each the same code).
 */
public record HandedTransport(Path socketDir, ServerSocketChannel master, FileChannel lockFile,
        FileLock lock, List<HandedConnection> connections, List<String> dynamicNames) {
}
