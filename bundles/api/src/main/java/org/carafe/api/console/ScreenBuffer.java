package org.carafe.api.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.carafe.api.model.KObject;
import org.carafe.api.model.Kernel;
import org.carafe.api.model.StatusException;
import org.carafe.api.protocol.Status;

/**
 * The output side of a console: a grid of width × height characters, a cursor, a title and the
 * output mode. Text is written at the cursor; a line feed past the last row scrolls the grid up
 * by one row and counts the row that left in {@link #scrolled()}. Owned by its {@link Console}
 * and by the handles that refer to it. Confined to the loop.
 * Known shortcoming: no window separate from the buffer, and no colours or attributes.
 */
public final class ScreenBuffer extends KObject {
    public static final int DEFAULT_WIDTH = 80;
    public static final int DEFAULT_HEIGHT = 25;
    /** Largest width or height accepted by {@link #resize}. */
    public static final int MAX_SIDE = 4096;
    /** Largest width × height accepted by {@link #resize}. */
    public static final int MAX_CELLS = 1 << 20;
    public static final int MAX_TITLE = 1024;
    private static final int TAB = 8;

    private char[][] rows;
    private int width;
    private int height;
    private int cursorX;
    private int cursorY;
    private long scrolled;
    private int mode = ConsoleRights.ENABLE_PROCESSED_OUTPUT
            | ConsoleRights.ENABLE_WRAP_AT_EOL_OUTPUT;
    private String title = "";

    public ScreenBuffer(Kernel kernel) {
        super(kernel);
        width = DEFAULT_WIDTH;
        height = DEFAULT_HEIGHT;
        rows = blank(width, height);
    }

    @Override
    public String typeName() {
        return "ScreenBuffer";
    }

    @Override
    public String dump() {
        return super.dump() + " " + width + "x" + height + " cursor=" + cursorX + "," + cursorY;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int cursorX() {
        return cursorX;
    }

    public int cursorY() {
        return cursorY;
    }

    /** How many rows have scrolled off the top since the buffer was made. */
    public long scrolled() {
        return scrolled;
    }

    public int mode() {
        return mode;
    }

    public void setMode(int mode) {
        this.mode = mode;
    }

    public String title() {
        return title;
    }

    /** Longer than {@link #MAX_TITLE}: STATUS_INVALID_PARAMETER. */
    public void setTitle(String title) {
        if (title.length() > MAX_TITLE) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        this.title = title;
    }

    /** Moves the cursor; outside the grid: STATUS_INVALID_PARAMETER. */
    public void setCursor(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        cursorX = x;
        cursorY = y;
    }

    /**
     * Changes the size, keeping the top-left part of the contents and clamping the cursor.
     * Sides of 1..{@link #MAX_SIDE} and at most {@link #MAX_CELLS} cells, else
     * STATUS_INVALID_PARAMETER.
     */
    public void resize(int newWidth, int newHeight) {
        if (newWidth < 1 || newHeight < 1 || newWidth > MAX_SIDE || newHeight > MAX_SIDE
                || (long) newWidth * newHeight > MAX_CELLS) {
            throw new StatusException(Status.INVALID_PARAMETER);
        }
        char[][] grid = blank(newWidth, newHeight);
        for (int y = 0; y < Math.min(height, newHeight); y++) {
            System.arraycopy(rows[y], 0, grid[y], 0, Math.min(width, newWidth));
        }

        rows = grid;
        width = newWidth;
        height = newHeight;
        cursorX = Math.min(cursorX, width - 1);
        cursorY = Math.min(cursorY, height - 1);
    }

    /**
     * Writes {@code text} at the cursor. With processed output, \n goes to the start of the
     * next row, \r to the start of this one, \t to the next multiple of 8 and \b one column
     * back; without it they are written as characters. With wrapping, text reaching the last
     * column goes on in the next row; without it, the last column is overwritten.
     */
    public void write(CharSequence text) {
        boolean processed = (mode & ConsoleRights.ENABLE_PROCESSED_OUTPUT) != 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (processed && control(c)) {
                continue;
            }
            put(c);
        }
    }

    /** The rows top to bottom, trailing blanks of each row trimmed. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(height);
        for (char[] row : rows) {
            int end = row.length;
            while (end > 0 && row[end - 1] == ' ') {
                end--;
            }
            out.add(new String(row, 0, end));
        }
        return out;
    }

    /** Handles a control character; returns false for anything else. */
    private boolean control(char c) {
        switch (c) {
            case '\n':
                newLine();
                return true;
            case '\r':
                cursorX = 0;
                return true;
            case '\t':
                for (int n = TAB - cursorX % TAB; n > 0; n--) {
                    put(' ');
                }
                return true;
            case '\b':
                cursorX = Math.max(0, cursorX - 1);
                return true;
            default:
                return false;
        }
    }

    private void put(char c) {
        rows[cursorY][cursorX] = c;
        if (cursorX < width - 1) {
            cursorX++;
        } else if ((mode & ConsoleRights.ENABLE_WRAP_AT_EOL_OUTPUT) != 0) {
            newLine();
        }
    }

    private void newLine() {
        cursorX = 0;
        if (cursorY < height - 1) {
            cursorY++;
            return;
        }

        System.arraycopy(rows, 1, rows, 0, height - 1);
        rows[height - 1] = blankRow(width);
        scrolled++;
    }

    private static char[][] blank(int w, int h) {
        char[][] grid = new char[h][];
        for (int y = 0; y < h; y++) {
            grid[y] = blankRow(w);
        }
        return grid;
    }

    private static char[] blankRow(int w) {
        char[] row = new char[w];
        Arrays.fill(row, ' ');
        return row;
    }
}
