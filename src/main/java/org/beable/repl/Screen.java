package org.beable.repl;

import java.io.PrintStream;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Where the REPL writes: results as plain lines, errors in red when the terminal has colour. */
final class Screen {
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle NOTE = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);

    private final PrintStream out;
    private final boolean colour;
    private Runnable beforeCancelled = () -> { };

    Screen(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    PrintStream out() {
        return out;
    }

    void println(String text) {
        out.println(text);
        out.flush();
    }

    void error(String text) {
        println(colour ? new AttributedString(text, ERROR).toAnsi() : text);
    }

    /** Called before "cancelled" is printed: the progress bar stops drawing first. */
    void beforeCancelled(Runnable hook) {
        this.beforeCancelled = hook;
    }

    /** After Ctrl-C stopped an entry: over the terminal's echoed ^C. */
    void cancelled() {
        beforeCancelled.run();
        println(colour ? "\r" + new AttributedString("cancelled", ERROR).toAnsi() : "cancelled");
    }

    /** Secondary information (timings, confirmations). */
    void note(String text) {
        println(colour ? new AttributedString(text, NOTE).toAnsi() : text);
    }
}
