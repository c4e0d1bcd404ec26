package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** The notebook's progress display: shown only after the delay, redrawn in place, in the unit of the work. */
class NotebookProgressTest {
    private long now;
    private final List<Message> sent = new ArrayList<>();
    private final Message request = Message.unprompted("s", "execute_request", Message.JSON.objectNode());
    private final NotebookProgress progress = new NotebookProgress(sent::add, () -> request, () -> now);

    private String lastLine() {
        return sent.get(sent.size() - 1).content().path("data").path("text/plain").asText();
    }

    @Test
    void aRunCountsTrialsAndASweepCountsCells() {
        LongConsumer run = progress.start(1000);
        run.accept(10);
        assertTrue(sent.isEmpty(), "nothing is shown before the delay");
        now += NotebookProgress.DELAY.toNanos();
        run.accept(400);
        assertEquals("display_data", sent.get(0).type());
        assertEquals("run: 40% (400 / 1000 trials)", lastLine());

        LongConsumer sweep = progress.start(5, "cells");
        assertEquals("run: 40% (400 / 1000 trials), stopped", lastLine(), "the unfinished run's bar is closed where it stood");
        now += NotebookProgress.DELAY.toNanos();
        sweep.accept(2);
        assertEquals("sweep: 40% (2 / 5 cells)", lastLine());
        now += NotebookProgress.INTERVAL.toNanos();
        sweep.accept(5);
        assertEquals("update_display_data", sent.get(sent.size() - 1).type());
        assertEquals("sweep: 100% (5 / 5 cells)", lastLine());
    }
}
