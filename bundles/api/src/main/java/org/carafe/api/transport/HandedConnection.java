package org.carafe.api.transport;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.carafe.api.model.EmuThread;

/**
 * One client connection as a departing front-end leaves it: the channel, its peer, the emulated
 * thread it serves (null before init_thread), the bytes read from it and not yet served (a
 * request taken back from its handler comes first, as it was sent) and the bytes of replies
 * not yet written. {@code closing} says that nothing more is to be sent: the successor closes
 * it once {@code unsent} is out. The buffers are in read mode and belong to the successor.
 *
 * @param helloDone whether the client's hello has been read and answered
 * @param admitted whether the first request in {@code unread} was already being served (past
 *        the hold of a suspended thread): the successor serves it without holding it again
 * @param arrivedNanos when that request first arrived ({@link System#nanoTime}), so that its
 *        timeouts count from then; 0 if {@code unread} does not begin with a taken-back request
 */
public record HandedConnection(SocketChannel channel, int peerPid, long peerStartTime,
        boolean helloDone, EmuThread thread, ByteBuffer unread, ByteBuffer unsent,
        boolean closing, boolean admitted, long arrivedNanos) {
}
