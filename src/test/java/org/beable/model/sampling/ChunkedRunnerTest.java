package org.beable.model.sampling;

import org.beable.concurrent.CancelledException;
import org.beable.concurrent.Cancellation;
import org.beable.random.RandomStreams;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedRunnerTest {

    private static final AliasTable BORN = new AliasTable(new double[] {0.1, 0.2, 0.3, 0.4});
    private static final long SEED = 0xBEAB1EL;

    private static int[] draws(int threads, int n) {
        int[] out = new int[n];
        new ChunkedRunner(threads, Cancellation.none()).run(n, SEED, 3, (chunk, from, to, rng) ->
                BORN.sampleInto(rng, out, (int) from, (int) to));
        return out;
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 1000, ChunkedRunner.CHUNK, 3 * ChunkedRunner.CHUNK,
            5 * ChunkedRunner.CHUNK + 12_345})
    void drawsAndCountsAreIdenticalForEveryThreadCount(int n) {
        int[] reference = draws(1, n);
        long[] referenceCounts = new ChunkedRunner(1, Cancellation.none()).count(n, SEED, 3, BORN);
        long[] tally = new long[4];
        for (int x : reference) {
            tally[x]++;
        }
        assertArrayEquals(tally, referenceCounts, "count() draws what run() draws");
        for (int threads : new int[] {2, 3, 8}) {
            assertArrayEquals(reference, draws(threads, n), "draws, threads = " + threads);
            assertArrayEquals(referenceCounts,
                    new ChunkedRunner(threads, Cancellation.none()).count(n, SEED, 3, BORN),
                    "counts, threads = " + threads);
        }
        assertArrayEquals(referenceCounts,
                new ChunkedRunner(0, Cancellation.none()).count(n, SEED, 3, BORN), "threads = all");
    }

    @Test
    void countsArePinned() {
        // The reproducibility promise: same seed, same numbers, on every machine and
        // release. A change here changes every simulated result.
        assertArrayEquals(new long[] {99953, 199999, 299653, 400398},
                new ChunkedRunner(2, Cancellation.none()).count(1_000_003, 2024L, 7, BORN));
    }

    @Test
    void chunksGetTheirOwnStreams() {
        int n = 2 * ChunkedRunner.CHUNK + 5;
        int[] out = draws(2, n);
        int[] chunk1 = new int[n - ChunkedRunner.CHUNK];
        BORN.sampleInto(RandomStreams.stream(SEED, 3, 1), chunk1, 0, ChunkedRunner.CHUNK);
        assertArrayEquals(Arrays.copyOfRange(chunk1, 0, ChunkedRunner.CHUNK),
                Arrays.copyOfRange(out, ChunkedRunner.CHUNK, 2 * ChunkedRunner.CHUNK));
        assertFalse(Arrays.equals(Arrays.copyOfRange(out, 0, 1000),
                Arrays.copyOfRange(out, ChunkedRunner.CHUNK, ChunkedRunner.CHUNK + 1000)));
    }

    @Test
    void chunkBoundariesCoverAllTrialsOnce() {
        long n = 7L * ChunkedRunner.CHUNK + 3;
        List<long[]> ranges = Collections.synchronizedList(new ArrayList<>());
        new ChunkedRunner(3, Cancellation.none()).run(n, 1, 0, (chunk, from, to, rng) ->
                ranges.add(new long[] {chunk, from, to}));
        assertEquals(ChunkedRunner.chunks(n), ranges.size());
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long expect = 0;
        for (int i = 0; i < ranges.size(); i++) {
            long[] r = ranges.get(i);
            assertEquals(i, r[0]);
            assertEquals(expect, r[1]);
            assertTrue(r[2] > r[1]);
            expect = r[2];
        }
        assertEquals(n, expect);
    }

    @Test
    void progressIsIncreasingAndEndsAtN() {
        long n = 10L * ChunkedRunner.CHUNK + 17;
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        new ChunkedRunner(2, Cancellation.none(), seen::add).count(n, 5, 0, BORN);
        assertEquals(ChunkedRunner.chunks(n), seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1));
        }
        assertEquals(n, seen.get(seen.size() - 1));
    }

    @ParameterizedTest(name = "threads = {0}")
    @ValueSource(ints = {1, 2, 4})
    void cancellationStopsALongRunPromptly(int threads) throws Exception {
        Cancellation cancel = new Cancellation();
        AtomicLong progress = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        ChunkedRunner runner = new ChunkedRunner(threads, cancel, done -> {
            progress.set(done);
            started.countDown();
        });
        long n = 1L << 40;   // hours of work if not cancelled
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                runner.count(n, 1, 0, BORN);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        cancel.cancel();
        t.join(5_000);
        assertFalse(t.isAlive(), "run still going 5 s after cancel");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms to stop");   // a chunk is < 1 ms of work; slack for a loaded machine
        assertTrue(thrown.get() instanceof CancelledException, String.valueOf(thrown.get()));
        assertTrue(progress.get() < n);
    }

    @Test
    void alreadyCancelledRunsNothing() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        AtomicLong calls = new AtomicLong();
        assertThrows(CancelledException.class, () -> new ChunkedRunner(2, cancel).run(10, 1, 0,
                (c, f, t, r) -> calls.incrementAndGet()));
        assertEquals(0, calls.get());
    }

    @Test
    void interruptingTheCallerCancels() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                new ChunkedRunner(2, Cancellation.none(), d -> started.countDown())
                        .count(1L << 40, 1, 0, BORN);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive());
        assertTrue(thrown.get() instanceof CancelledException, String.valueOf(thrown.get()));
    }

    @Test
    void noneCannotBeCancelled() {
        assertThrows(UnsupportedOperationException.class, () -> Cancellation.none().cancel());
        assertFalse(Cancellation.none().isCancelled());
        Cancellation.none().throwIfCancelled();
    }

    @Test
    void taskExceptionsPropagate() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                    new ChunkedRunner(3, Cancellation.none()).run(1L << 40, 1, 0, (c, f, to, r) -> {
                        if (c == 5) {
                            throw boom;
                        }
                    }));
            assertSame(boom, e);
        });
    }

    @Test
    void threadsDefaultToTheMachine() {
        assertEquals(Runtime.getRuntime().availableProcessors(),
                new ChunkedRunner(0, Cancellation.none()).threads());
        assertEquals(3, new ChunkedRunner(3, Cancellation.none()).threads());
    }
}
