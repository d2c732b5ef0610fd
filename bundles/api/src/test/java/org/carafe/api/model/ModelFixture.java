package org.carafe.api.model;

import org.carafe.api.protocol.Protocol;

/**
 * A kernel with one embedded process and one thread for plain unit tests of the model. The
 * tests call the model from their own thread: nothing else touches it meanwhile.
 */
final class ModelFixture implements AutoCloseable {
    final ServerLoop loop = new ServerLoop();
    final Kernel kernel = new Kernel(loop, new LinuxProcesses());
    final EmuProcess process = kernel.createProcess(0, Protocol.KIND_EMBEDDED, 0, "test");
    final EmuThread thread = kernel.createThread(process, new Peer());

    @Override
    public void close() {
        kernel.shutdown();
        loop.shutdown();
    }

    /** A connection with no peer behind it. */
    static final class Peer implements Connection {
        @Override
        public int peerPid() {
            return -1;
        }

        @Override
        public String describe() {
            return "test peer";
        }

        @Override
        public void terminate(int exitCode) {
        }
    }
}
