package org.beable.repl;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.beable.interp.Interpreter;

/**
 * A progress bar for runs that take longer than about a second. Worker threads report the
 * trials done so far; the bar appears only once the delay has passed, is as wide as the
 * terminal, and is closed when the run completes, when the next run starts, or when the REPL's
 * command ends (a cancelled run). Only installed when the output is a real terminal.
 */
final class ProgressDisplay implements Interpreter.Progress {
    static final Duration DELAY = Duration.ofSeconds(1);

    private final PrintStream out;
    private final IntSupplier width;
    private final Duration delay;
    private final LongSupplier clock;
    private Bar current;

    ProgressDisplay(PrintStream out, IntSupplier width, Duration delay, LongSupplier nanoClock) {
        this.out = out;
        this.width = width;
        this.delay = delay;
        this.clock = nanoClock;
    }

    ProgressDisplay(PrintStream out, IntSupplier width) {
        this(out, width, DELAY, System::nanoTime);
    }

    @Override
    public synchronized LongConsumer start(long total) {
        return start(total, "trials");
    }

    /** A sweep's bar counts cells (task "sweep"); a run's counts trials. */
    @Override
    public synchronized LongConsumer start(long total, String unit) {
        finish();
        current = new Bar(total, clock.getAsLong(), unit);
        return current;
    }

    /** Closes the bar of the last run, if one is showing. */
    public synchronized void finish() {
        if (current != null) current.close();
        current = null;
    }

    /**
     * Ends the bar of a cancelled run where it stands, before "cancelled" is printed: closing it
     * normally would draw it once more, after the word.
     */
    public synchronized void abandon() {
        if (current != null) current.abandon();
        current = null;
    }

    /** One run's bar: cheap to report to from any thread, shown only after the delay. */
    private final class Bar implements LongConsumer {
        private final long total;
        private final long started;
        private final String unit;
        private final AtomicLong done = new AtomicLong();
        private volatile ProgressBar bar;
        private Line line;
        private boolean closed;

        Bar(long total, long started, String unit) {
            this.total = total;
            this.started = started;
            this.unit = unit;
        }

        @Override
        public void accept(long trials) {
            done.accumulateAndGet(trials, Math::max);
            long elapsed = clock.getAsLong() - started;
            if (bar == null && elapsed < delay.toNanos()) return;
            synchronized (this) {
                if (closed) return;
                if (bar == null) bar = create(Duration.ofNanos(elapsed));
                bar.stepTo(done.get());
                if (done.get() >= total) close();
            }
        }

        private ProgressBar create(Duration elapsed) {
            int columns = width.getAsInt();
            line = new Line(new ConsoleProgressBarConsumer(out, Math.max(20, (columns > 0 ? columns : 80) - 1)), out);
            return new ProgressBarBuilder()
                    .setTaskName(unit.equals("trials") ? "run" : "sweep")
                    .setInitialMax(total)
                    .setUnit(" " + unit, 1)
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .startsFrom(0, elapsed)
                    .setConsumer(line)
                    .build();
        }

        synchronized void abandon() {
            if (closed) return;
            closed = true;
            if (bar != null) {
                line.close();   // first: the bar's own close draws it a last time, which the ended line drops
                bar.close();
            }
        }

        synchronized void close() {
            if (closed) return;
            closed = true;
            if (bar != null) {
                bar.close();
                line.close();   // a bar closed before its first refresh does not end its line itself
            }
        }
    }

    /**
     * The console line the bar is drawn on: flushed at every redraw (a PrintStream flushes only
     * at newlines), and ended with one newline however often it is closed.
     */
    private static final class Line implements ProgressBarConsumer {
        private final ConsoleProgressBarConsumer console;
        private final PrintStream out;
        private boolean ended;

        Line(ConsoleProgressBarConsumer console, PrintStream out) {
            this.console = console;
            this.out = out;
        }

        @Override public int getMaxRenderedLength() { return console.getMaxRenderedLength(); }

        @Override
        public synchronized void accept(String rendered) {
            if (ended) return;
            console.accept(rendered);
            out.flush();
        }

        @Override
        public synchronized void close() {
            if (ended) return;
            ended = true;
            console.close();
        }
    }
}
