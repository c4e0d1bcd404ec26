package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** The bar waits for its delay, then shows the run and closes when it completes. */
class ProgressDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nothingShowsBeforeTheDelay() {
        ProgressDisplay display = new ProgressDisplay(out, () -> 80, Duration.ofSeconds(1), now::get);
        LongConsumer progress = display.start(1000);
        now.set(Duration.ofMillis(500).toNanos());
        progress.accept(500);
        progress.accept(1000);
        display.finish();
        assertEquals("", shown());
    }

    @Test
    void aLongRunShowsABarThatEndsAtTheTotal() {
        ProgressDisplay display = new ProgressDisplay(out, () -> 80, Duration.ofSeconds(1), now::get);
        LongConsumer progress = display.start(1000);
        progress.accept(100);
        now.set(Duration.ofMillis(1500).toNanos());
        progress.accept(400);
        progress.accept(1000);
        String shown = shown();
        assertTrue(shown.contains("run"), shown);
        assertTrue(shown.contains("100%"), shown);
        assertTrue(shown.endsWith("\n"), shown);
        for (String line : shown.replaceAll("\u001b\\[[0-9;]*m", "").split("[\r\n]")) assertTrue(line.length() <= 80, line);
        display.finish();
    }

    @Test
    void aSweepsBarCountsCells() {
        ProgressDisplay display = new ProgressDisplay(out, () -> 80, Duration.ZERO, now::get);
        LongConsumer progress = display.start(40, "cells");
        now.set(Duration.ofMillis(1500).toNanos());
        progress.accept(10);
        progress.accept(40);
        String shown = shown();
        assertTrue(shown.contains("sweep") && shown.contains("cells") && !shown.contains("trials"), shown);
        assertTrue(shown.contains("100%"), shown);
        display.finish();
    }

    @Test
    void aCancelledRunsBarIsClosedWhenTheCommandEnds() {
        ProgressDisplay display = new ProgressDisplay(out, () -> 60, Duration.ZERO, now::get);
        display.start(1000).accept(300);
        display.finish();
        String shown = shown();
        assertTrue(shown.contains("30%"), shown);
        assertTrue(shown.endsWith("\n"), shown);
    }

    /** "cancelled" follows an abandoned bar: the bar must not be drawn again after it (its normal close would). */
    @Test
    void anAbandonedBarIsNotDrawnAgain() throws InterruptedException {
        ProgressDisplay display = new ProgressDisplay(out, () -> 60, Duration.ZERO, now::get);
        LongConsumer progress = display.start(1000);
        progress.accept(300);
        String before = shown();
        display.abandon();
        out.print("cancelled");
        progress.accept(400);
        Thread.sleep(300);     // longer than the bar's refresh interval
        display.finish();
        String after = shown().substring(before.length());
        assertTrue(after.endsWith("cancelled"), after);
        assertTrue(!after.contains("%"), after);
    }

    @Test
    void reportsFromManyThreadsAreSafe() throws InterruptedException {
        ProgressDisplay display = new ProgressDisplay(out, () -> 80, Duration.ZERO, System::nanoTime);
        LongConsumer progress = display.start(4 * 10_000);
        AtomicLong done = new AtomicLong();
        Thread[] workers = new Thread[4];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                for (int k = 0; k < 10_000; k++) progress.accept(done.incrementAndGet());
            });
            workers[w].start();
        }
        for (Thread t : workers) t.join();
        display.finish();
        assertTrue(shown().contains("100%"), shown());
    }
}
