package org.carafe.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.carafe.client.CarafeException;
import org.carafe.client.ConsoleAccess;
import org.carafe.client.ConsoleRecord;
import org.carafe.client.ConsoleScreen;
import org.carafe.client.EmulatedThread;
import org.carafe.client.Rights;
import org.carafe.client.Status;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carafe console PID [--send TEXT] [--follow]}: prints what the process's console shows
 * (its screen buffer's rows, trailing blank rows left out), types TEXT into its input, or keeps
 * printing new rows until the process ends.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Show an emulated process's console, or type into it.")
final class ConsoleCommand extends ClientCommand {
    /** How long --follow waits for the process to end between two looks. */
    static final long FOLLOW_POLL_MS = 200;
    /** Characters typed per write_console_input (two records each). */
    private static final int SEND_CHUNK = 1024;

    @Parameters(paramLabel = "PID", converter = Numbers.class,
            description = "Process id (decimal or 0x hex).")
    int pid;

    @Option(names = "--send", paramLabel = "TEXT",
            description = "Type TEXT into the console's input; \\n is Enter, \\t Tab, \\\\ a "
                    + "backslash.")
    String send;

    @Option(names = "--follow", description = "Keep printing new output until the process ends.")
    boolean follow;

    @Override
    int execute(EmulatedThread t) throws IOException {
        int process = t.openProcess(pid, Rights.PROCESS_QUERY_INFORMATION | Rights.SYNCHRONIZE,
                false);
        if (send != null) {
            type(t, open(t, process, ConsoleAccess.PART_INPUT, ConsoleAccess.WRITE),
                    unescape(send));
            if (!follow) {
                return 0;
            }
        }
        int screen = open(t, process, ConsoleAccess.PART_OUTPUT, ConsoleAccess.READ);
        if (follow) {
            new ConsoleFollower(t, screen, process, out()).run();
        } else {
            print(out(), t.readConsoleOutput(screen).lines());
        }
        return 0;
    }

    /** {@code \n} and {@code \r} become Enter, {@code \t} Tab, {@code \\} one backslash. */
    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c != '\\' || "nrt\\".indexOf(next) < 0 || next == 0) {
                b.append(c);
                continue;
            }
            b.append(next == 'n' || next == 'r' ? '\n' : next == 't' ? '\t' : '\\');
            i++;
        }
        return b.toString();
    }

    /** The rows, without the blank ones at the bottom. */
    static void print(PrintWriter out, List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        for (String line : lines.subList(0, end)) {
            out.println(line);
        }
    }

    private int open(EmulatedThread t, int process, int part, int access) throws IOException {
        try {
            return t.openConsole(process, part, access, false);
        } catch (CarafeException e) {
            if (e.status() == Status.INVALID_HANDLE) {
                throw new CliException("console " + pid + ": the process has no console",
                        Main.EXIT_ERROR);
            }
            throw e;
        }
    }

    private static void type(EmulatedThread t, int input, String text) throws IOException {
        for (int i = 0; i < text.length(); i += SEND_CHUNK) {
            String chunk = text.substring(i, Math.min(text.length(), i + SEND_CHUNK));
            List<ConsoleRecord> records = ConsoleRecord.typing(chunk);
            if (t.writeConsoleInput(input, records) < records.size()) {
                throw new CliException("console: the console's input is full", Main.EXIT_ERROR);
            }
        }
    }

    /** --follow: prints each row once it is complete (the cursor has left it). */
    private static final class ConsoleFollower {
        private final EmulatedThread t;
        private final int screen;
        private final int process;
        private final PrintWriter out;
        /** Absolute number (rows scrolled off + row) of the next row to print. */
        private long next;

        ConsoleFollower(EmulatedThread t, int screen, int process, PrintWriter out) {
            this.t = t;
            this.screen = screen;
            this.process = process;
            this.out = out;
        }

        void run() throws IOException {
            while (true) {
                boolean ended = t.select(0, FOLLOW_POLL_MS, process).status() == Status.SUCCESS;
                ConsoleScreen s = t.readConsoleOutput(screen);
                long top = s.scrolled();
                long upto = ended ? top + lastText(s.lines()) : top + s.cursorY();
                for (long row = Math.max(next, top); row < upto; row++) {
                    out.println(s.lines().get((int) (row - top)));
                }
                next = Math.max(next, upto);
                out.flush();
                if (ended) {
                    return;
                }
            }
        }

        private static int lastText(List<String> lines) {
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).isEmpty()) {
                end--;
            }
            return end;
        }
    }
}
