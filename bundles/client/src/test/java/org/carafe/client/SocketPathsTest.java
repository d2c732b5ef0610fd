package org.carafe.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class SocketPathsTest {

    @Test
    public void socketDirWins() {
        assertEquals(Path.of("/x/y/socket"), SocketPaths.defaultSocket(
                Map.of("CARAFE_SOCKET_DIR", "/x/y", "XDG_RUNTIME_DIR", "/run/u"), "/p", 5));
    }

    @Test
    public void propertyWhenNoEnvironment() {
        assertEquals(Path.of("/p/socket"), SocketPaths.defaultSocket(Map.of(), "/p", 5));
    }

    @Test
    public void runtimeDirUidAndInstance() {
        assertEquals(Path.of("/run/user/1000/carafe-1000/default/socket"),
                SocketPaths.defaultSocket(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), null,
                        1000));
        assertEquals(Path.of("/tmp/carafe-42/test/socket"),
                SocketPaths.defaultSocket(Map.of("CARAFE_INSTANCE", "test"), null, 42));
    }

    @Test
    public void uidFromStatusLines() {
        assertEquals(Long.valueOf(1001), SocketPaths.parseUid(
                List.of("Name:\tjava", "Uid:\t1000\t1001\t1001\t1001", "Gid:\t1\t1\t1\t1")));
        assertEquals(null, SocketPaths.parseUid(List.of("Name:\tjava")));
        assertTrue(SocketPaths.uid() >= 0);
    }
}
