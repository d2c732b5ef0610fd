package org.carafe.client.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The standard streams of a program started by {@code carafe run}: daemon threads copy its
 * stdout and stderr to ours, unchanged, and hand the same text to a mirror (the console); its
 * stdin is fed from our stdin and from {@link #feed}. Owns the pump threads and the program's
 * stdin; {@link #feed} and {@link #setMirror} may be called from any thread.
 * Known shortcoming: the program sees pipes, not a terminal, so it gets no tty line editing.
 */
final class ProgramStreams {
    /** How long {@link #drain} waits for more output once the program has ended. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final OutputStream stdin;
    private final Thread out;
    private final Thread err;
    private volatile Consumer<String> mirror = text -> { };
    private volatile long lastOutput = System.nanoTime();
    private boolean readsOurStdin;
    private boolean stdinClosed;

    private ProgramStreams(Process child) {
        stdin = child.getOutputStream();
        out = pump(child.getInputStream(), new FileOutputStream(FileDescriptor.out), "stdout");
        err = pump(child.getErrorStream(), new FileOutputStream(FileDescriptor.err), "stderr");
    }

    /** Starts the pumps; forwards our stdin unless it has nothing to give (see below). */
    static ProgramStreams start(Process child) {
        ProgramStreams streams = new ProgramStreams(child);
        streams.out.start();
        streams.err.start();
        streams.readsOurStdin = forwardsStdin();
        if (streams.readsOurStdin) {
            Thread in = new Thread(streams::copyStdin, "carafe-run-stdin");
            in.setDaemon(true);
            in.start();
        }
        return streams;
    }

    /**
     * Whether our stdin is worth reading: not /dev/null (the console is then the only input)
     * and not a terminal we do not own (reading it in the background would stop us).
     */
    static boolean forwardsStdin() {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
        if (target.equals("/dev/null")) {
            return false;
        }
        return !target.startsWith("/dev/pts/") && !target.startsWith("/dev/tty")
                || inForeground();
    }

    /** Whether our stdin is copied to the program (its end then closes the program's stdin). */
    boolean readsOurStdin() {
        return readsOurStdin;
    }

    /** Where the program's output goes besides our own stdout and stderr. */
    void setMirror(Consumer<String> consumer) {
        mirror = consumer;
    }

    /** Writes {@code text} to the program's stdin (dropped once that is closed). */
    void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        feed(bytes, bytes.length);
    }

    /** Closes the program's stdin: it reads end of file. */
    synchronized void closeStdin() {
        stdinClosed = true;
        try {
            stdin.close();
        } catch (IOException e) {
            // the program has gone: nothing to tell it
        }
    }

    /**
     * Once the program has ended: waits until its output is copied, or until no output came
     * for half a second (something it started may hold the pipes open).
     */
    void drain() throws InterruptedException {
        long start = System.nanoTime();
        for (Thread pump : new Thread[] {out, err}) {
            // quiet is counted from the later of the last output and the program's end: output
            // written just before the end may not have been read yet
            while (pump.isAlive()
                    && System.nanoTime() - Math.max(lastOutput, start) < QUIET_NANOS) {
                pump.join(50);
            }
        }
    }

    private Thread pump(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(() -> copy(from, to), "carafe-run-" + name);
        t.setDaemon(true);
        return t;
    }

    private void copy(InputStream from, OutputStream to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer pending = ByteBuffer.allocate(8192 + 8);
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = from.read(buf)) > 0; ) {
                lastOutput = System.nanoTime();
                to.write(buf, 0, n);
                to.flush();
                pending.put(buf, 0, n).flip();
                CharBuffer text = CharBuffer.allocate(n + 8);
                decoder.decode(pending, text, false);
                pending.compact();
                mirror.accept(text.flip().toString());
            }
        } catch (IOException e) {
            // the program closed its end, or we lost ours: stop copying
        }
    }

    private void copyStdin() {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = System.in.read(buf)) > 0; ) {
                feed(buf, n);
            }
        } catch (IOException e) {
            // our stdin failed: treat as its end
        }
        closeStdin();
    }

    private synchronized void feed(byte[] bytes, int n) {
        if (stdinClosed) {
            return;
        }
        try {
            stdin.write(bytes, 0, n);
            stdin.flush();
        } catch (IOException e) {
            closeStdin();
        }
    }

    /** Whether our process group is the foreground one of our terminal (/proc/self/stat). */
    private static boolean inForeground() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state ppid pgrp session tty_nr tpgid
            return f[2].equals(f[5]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
