package org.beable.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.beable.interp.Interpreter;

/**
 * A run's progress in a notebook: one `display_data` (an HTML progress bar and a text line) that
 * later `update_display_data` messages redraw in place. As in the REPL it appears only for runs
 * longer than a moment, and is redrawn at most a few times a second, whatever thread reports.
 */
final class NotebookProgress implements Interpreter.Progress {
    static final Duration DELAY = Duration.ofMillis(500);
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final Consumer<Message> iopub;
    private final Supplier<Message> request;
    private final LongSupplier clock;
    private Bar current;

    NotebookProgress(Consumer<Message> iopub, Supplier<Message> request, LongSupplier nanoClock) {
        this.iopub = iopub;
        this.request = request;
        this.clock = nanoClock;
    }

    @Override
    public synchronized LongConsumer start(long total) {
        return start(total, "trials");
    }

    /** A sweep's bar counts cells ("sweep: 40% (2 / 5 cells)"); a run's counts trials. */
    @Override
    public synchronized LongConsumer start(long total, String unit) {
        finish();
        current = new Bar(total, clock.getAsLong(), request.get(), unit);
        return current;
    }

    /** Draws the last state of the current run's bar (when it is showing) and forgets it. */
    synchronized void finish() {
        if (current != null) current.close();
        current = null;
    }

    private final class Bar implements LongConsumer {
        private final long total;
        private final long started;
        private final Message parent;
        private final String unit;
        private final String id = UUID.randomUUID().toString();
        private final AtomicLong done = new AtomicLong();
        private volatile long drawn;
        private volatile boolean shown;
        private boolean closed;

        Bar(long total, long started, Message parent, String unit) {
            this.total = total;
            this.started = started;
            this.parent = parent;
            this.unit = unit;
        }

        @Override
        public void accept(long trials) {
            long now = done.accumulateAndGet(trials, Math::max);
            long time = clock.getAsLong();
            if (time - started < DELAY.toNanos() || shown && time - drawn < INTERVAL.toNanos() && now < total) return;
            synchronized (this) {
                if (closed) return;
                drawn = time;
                draw(now);
            }
        }

        synchronized void close() {
            if (closed) return;
            closed = true;
            if (shown) draw(done.get());
        }

        private void draw(long now) {
            double share = total <= 0 ? 1 : Math.min(1, (double) now / total);
            String percent = String.format(java.util.Locale.ROOT, "%.0f%%", 100 * share);
            String task = unit.equals("trials") ? "run" : "sweep";
            String line = task + ": " + percent + " (" + now + " / " + total + " " + unit + ")" + (closed && now < total ? ", stopped" : "");
            ObjectNode data = Message.JSON.objectNode();
            data.put("text/plain", line);
            data.put("text/html", "<progress value=\"" + now + "\" max=\"" + Math.max(total, 1) + "\" style=\"width:20em\"></progress> "
                    + HtmlTable.escape(line));
            ObjectNode content = Message.JSON.objectNode();
            content.set("data", data);
            content.set("metadata", Message.JSON.objectNode());
            content.putObject("transient").put("display_id", id);
            iopub.accept(parent.broadcast(shown ? "update_display_data" : "display_data", content));
            shown = true;
        }
    }
}
