package org.carafe.example.audit.client;

import java.io.IOException;
import java.nio.file.Path;

import org.carafe.client.CarafeConnection;
import org.carafe.client.CarafeException;
import org.carafe.client.EmulatedProcess;
import org.carafe.client.ProcessInfo;
import org.carafe.client.Protocol;
import org.carafe.client.Reply;
import org.carafe.client.SocketPaths;
import org.carafe.client.WireWriter;

/**
 * A client of the audit bundle, on the public client library: {@link #echo} calls audit_echo
 * by name (the library asks the server for its code with get_request_code). Run on its own,
 * it starts an emulated process, echoes its arguments and asks for its own process info; a
 * server without the audit bundle answers audit_echo with STATUS_NOT_IMPLEMENTED (after
 * {@code handler.wait.seconds}), which it prints before going on.
 */
public final class AuditClient {
    private final CarafeConnection connection;

    public AuditClient(CarafeConnection connection) {
        this.connection = connection;
    }

    /** Sends {@code text} with audit_echo and returns what the server sent back. */
    public String echo(String text) throws IOException {
        Reply reply = connection.call("audit_echo", new WireWriter().str(text)).orThrow();
        return reply.data().str();
    }

    public static void main(String[] args) throws IOException {
        Path socket = SocketPaths.defaultSocket();
        try (EmulatedProcess process = EmulatedProcess.start(socket, "audit-client")) {
            AuditClient client = new AuditClient(process.mainThread().connection());
            try {
                System.out.println("audit_echo: " + client.echo(String.join(" ", args)));
            } catch (CarafeException e) {
                System.out.println("audit_echo: " + e.getMessage());
            }
            ProcessInfo info = process.mainThread().getProcessInfo(Protocol.CURRENT_PROCESS);
            System.out.println("get_process_info: pid " + info.pid());
            process.exit(0);
        }
    }
}
