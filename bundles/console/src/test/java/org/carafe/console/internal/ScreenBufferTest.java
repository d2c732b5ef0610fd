package org.carafe.console.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.carafe.api.console.ConsoleRights;
import org.carafe.api.console.ScreenBuffer;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.LinuxProcesses;
import org.carafe.api.model.ServerLoop;
import org.junit.After;
import org.junit.Test;

/** Text written into a screen buffer: control characters, wrapping, scrolling, resizing. */
public class ScreenBufferTest {
    private final ServerLoop loop = new ServerLoop();
    private final Kernel kernel = new Kernel(loop, new LinuxProcesses());
    private final ScreenBuffer screen = new ScreenBuffer(kernel);

    @After
    public void tearDown() {
        loop.shutdown();
    }

    @Test
    public void newlineCarriageReturnAndTabMoveTheCursor() {
        screen.write("ab\tc\nxyz\rQ");

        assertEquals("ab      c", screen.lines().get(0));
        assertEquals("Qyz", screen.lines().get(1));
        assertEquals(1, screen.cursorX());
        assertEquals(1, screen.cursorY());
    }

    @Test
    public void textWrapsAtTheLastColumnAndScrollsAtTheLastRow() {
        screen.resize(4, 2);
        screen.write("abcdef\ngh\n");

        assertEquals(List.of("gh", ""), screen.lines());
        assertEquals(2, screen.scrolled());
        assertEquals(0, screen.cursorX());
        assertEquals(1, screen.cursorY());
    }

    @Test
    public void withoutWrappingTheLastColumnIsOverwritten() {
        screen.resize(3, 2);
        screen.setMode(ConsoleRights.ENABLE_PROCESSED_OUTPUT);
        screen.write("abcdef");

        assertEquals(List.of("abf", ""), screen.lines());
    }

    @Test
    public void resizeKeepsTheTopLeftAndClampsTheCursor() {
        screen.write("hello\nworld");
        screen.resize(3, 1);

        assertEquals(List.of("hel"), screen.lines());
        assertEquals(2, screen.cursorX());
        assertEquals(0, screen.cursorY());
    }
}
