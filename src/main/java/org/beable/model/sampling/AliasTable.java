package org.beable.model.sampling;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.random.RandomStreams;
import org.beable.random.StreamGenerator;

/**
 * Walker's alias method, built with Vose's algorithm, for drawing outcomes
 * {@code 0 .. size()-1} of a discrete distribution in constant time.
 *
 * <p>The table is built in exact integer arithmetic: every column holds
 * {@code 2^32} units of probability mass, the input probabilities are rounded to
 * integer masses summing exactly to {@code size() * 2^32}, and Vose's pairing of
 * small and large columns is then exact, so no column is ever "left over" by
 * rounding. The distribution actually sampled differs from the input by at most
 * {@code 2^-32} per outcome, and an outcome of probability exactly zero is never
 * drawn.
 *
 * <p>Each draw consumes exactly one {@code nextLong()}: the high 32 bits pick the
 * column by Lemire's multiply-high ({@code (hi * size) >>> 32}, bias at most
 * {@code size / 2^32}), the low 32 bits are compared with that column's integer
 * threshold to choose between the column and its alias. Threshold and alias live in
 * one packed {@code long} per column, so a draw touches one array element.
 *
 * <p>Instances are immutable and may be shared between threads; the generator may
 * not.
 */
public final class AliasTable {

    /** Absolute tolerance on the sum of the probabilities. */
    public static final double SUM_TOLERANCE = 1e-9;

    private static final long COLUMN_MASS = 1L << 32;
    private static final long LOW32 = 0xFFFF_FFFFL;

    /** Per column: (threshold << 32) | alias, threshold in [0, 2^32). */
    private final long[] table;
    private final int size;

    /**
     * Builds the table.
     *
     * @param probabilities non-negative, finite, summing to 1 within {@link #SUM_TOLERANCE}
     *     (they are normalised silently within that tolerance)
     * @throws IllegalArgumentException if empty, if an entry is negative or not finite,
     *     or if the sum is off by more than the tolerance (the message gives the sum)
     */
    public AliasTable(double[] probabilities) {
        int n = probabilities.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty distribution");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("probability " + i + " is " + p
                        + " (must be finite and non-negative)");
            }
            sum += p;
        }
        if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("probabilities sum to " + sum + ", not 1");
        }
        this.size = n;
        this.table = build(probabilities, sum);
    }

    private static long[] build(double[] p, double sum) {
        int n = p.length;
        // Integer masses, total exactly n * 2^32 (fits: n < 2^31).
        long total = (long) n << 32;
        long[] mass = new long[n];
        double scale = (double) total / sum;
        long assigned = 0;
        int largest = 0;
        for (int i = 0; i < n; i++) {
            long m = (long) Math.floor(p[i] * scale);
            mass[i] = Math.min(m, total);
            assigned += mass[i];
            if (mass[i] > mass[largest]) {
                largest = i;
            }
        }
        // Floor loses less than one unit per outcome (plus floating error): give the
        // difference, at most ~n units of 2^-32/n each, to the heaviest outcome, which
        // holds at least 2^32 units, so a zero stays zero and nothing goes negative.
        mass[largest] += total - assigned;

        long[] table = new long[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            if (mass[i] < COLUMN_MASS) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[nl - 1];
            table[s] = (mass[s] << 32) | l;          // keep s with mass[s]/2^32, else l
            mass[l] -= COLUMN_MASS - mass[s];
            if (mass[l] < COLUMN_MASS) {
                nl--;
                small[ns++] = l;
            }
        }
        // Exact arithmetic: whatever remains has mass exactly 2^32 (full column).
        // The checks below only guard the invariant.
        while (nl > 0) {
            int l = large[--nl];
            if (mass[l] != COLUMN_MASS) {
                throw new AssertionError("alias table invariant broken at " + l);
            }
            table[l] = l;                             // threshold 0, alias = itself
        }
        if (ns > 0) {
            throw new AssertionError("alias table invariant broken: " + ns + " small left");
        }
        return table;
    }

    /** Number of outcomes. */
    public int size() {
        return size;
    }

    /**
     * The probability of each outcome as actually sampled (the input rounded to the
     * table's resolution of {@code 2^-32 / size()}).
     */
    public double[] effectiveProbabilities() {
        double[] q = new double[size];
        double unit = 1.0 / ((double) size * COLUMN_MASS);
        for (int col = 0; col < size; col++) {
            long e = table[col];
            long keep = e >>> 32;
            int alias = (int) e;
            if (alias == col) {
                q[col] += COLUMN_MASS * unit;
            } else {
                q[col] += keep * unit;
                q[alias] += (COLUMN_MASS - keep) * unit;
            }
        }
        return q;
    }

    /** One draw: exactly one {@code word(rng)}. */
    public int sample(UniformRandomProvider rng) {
        return pick(table, size, word(rng));
    }

    /**
     * {@code rng.nextLong()}, with the generator of {@link RandomStreams} called through
     * its own type. The JIT profiles a call site per method, not per caller: once a
     * program has passed a few generator types through this class, a plain
     * {@code rng.nextLong()} here becomes a megamorphic virtual call and the sampling
     * loops run at less than half speed. The type test keeps the streams' generator
     * inlined whatever else was seen (and is hoisted out of the loops).
     */
    private static long word(UniformRandomProvider rng) {
        if (rng instanceof StreamGenerator) {
            return ((StreamGenerator) rng).next();
        }
        return rng.nextLong();
    }

    /**
     * Maps one 64-bit random word to an outcome. Branch-free: the low-word comparison
     * becomes a sign mask that selects column or alias.
     */
    private static int pick(long[] table, int size, long x) {
        int col = (int) (((x >>> 32) * size) >>> 32);
        long e = table[col];
        int alias = (int) e;
        // (x & LOW32) - threshold < 0  <=>  keep the column
        int keep = (int) (((x & LOW32) - (e >>> 32)) >> 63);
        return alias ^ ((col ^ alias) & keep);
    }

    /** Fills {@code out[from .. to)} with draws, one {@code nextLong()} each, in order. */
    public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
        checkRange(out.length, from, to);
        final long[] t = table;
        final int n = size;
        for (int i = from; i < to; i++) {
            out[i] = pick(t, n, word(rng));
        }
    }

    /**
     * Fills {@code out[from .. to)} with draws stored as unsigned bytes (read them with
     * {@code out[i] & 0xFF}); needs {@code size() <= 256}. Draws the same outcomes as
     * {@link #sampleInto(UniformRandomProvider, int[], int, int)} for the same generator state.
     */
    public void sampleInto(UniformRandomProvider rng, byte[] out, int from, int to) {
        if (size > 256) {
            throw new IllegalStateException(size + " outcomes do not fit in a byte");
        }
        checkRange(out.length, from, to);
        final long[] t = table;
        final int n = size;
        for (int i = from; i < to; i++) {
            out[i] = (byte) pick(t, n, word(rng));
        }
    }

    /**
     * Draws {@code n} outcomes and adds their counts to {@code counts[0 .. size())}.
     * Consumes exactly {@code n} words of {@code rng}, the same draws as
     * {@link #sampleInto(UniformRandomProvider, int[], int, int)} would make.
     */
    public void countInto(UniformRandomProvider rng, long n, long[] counts) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        if (counts.length < size) {
            throw new IllegalArgumentException("counts has length " + counts.length
                    + ", needs " + size);
        }
        final long[] t = table;
        final int k = size;
        // Two interleaved histograms: consecutive draws of the same outcome then
        // increment different memory cells, so the loop is not serialised on
        // store-to-load forwarding of one counter. int counters are flushed before
        // they can overflow.
        final int[] c0 = new int[k];
        final int[] c1 = new int[k];
        long remaining = n;
        while (remaining > 0) {
            int block = (int) Math.min(remaining, 1 << 30);
            int pairs = block >>> 1;
            for (int i = 0; i < pairs; i++) {
                c0[pick(t, k, word(rng))]++;
                c1[pick(t, k, word(rng))]++;
            }
            if ((block & 1) != 0) {
                c0[pick(t, k, word(rng))]++;
            }
            for (int j = 0; j < k; j++) {
                counts[j] += (long) c0[j] + c1[j];
                c0[j] = 0;
                c1[j] = 0;
            }
            remaining -= block;
        }
    }

    private static void checkRange(int length, int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to
                    + ") of an array of length " + length);
        }
    }

    @Override
    public String toString() {
        return size <= 16
                ? "AliasTable" + Arrays.toString(effectiveProbabilities())
                : "AliasTable[" + size + " outcomes]";
    }
}
