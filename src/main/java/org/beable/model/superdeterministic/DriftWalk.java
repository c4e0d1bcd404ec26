package org.beable.model.superdeterministic;

/**
 * The slowly drifting hidden variables of one run: for each component (measure step × J) a
 * reflecting random walk of the quantile u ∈ [0, 1] of |λ_J|², moving by a uniform step in
 * [−step, step] per trial. It is computed as a walk on a circle of circumference 2 folded onto
 * [0, 1] (θ ↦ θ or 2 − θ), which is exactly reflection at 0 and 1; started uniform on the circle,
 * the walk stays uniform, so each trial on its own has the base distribution.
 *
 * <p>Reproducible for any thread count: the increments are a counter-based stream (SplitMix64
 * of the run's seed and the index trial · components + component), the positions at the start of
 * every block of {@value #BLOCK} trials are computed once, and any trial's position is the block
 * start plus the increments since, always added in the same order. Each thread keeps a cursor, so
 * consecutive trials cost one step each.
 */
final class DriftWalk {
    static final int BLOCK = 1024;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private final long seed;
    private final int components;
    private final double step;
    private final double[] starts;           // [block * components + component], in [0, 2)
    private final ThreadLocal<Cursor> cursors;

    private final class Cursor {
        long trial = -1;
        final double[] theta = new double[components];
        final double[] u = new double[components];
    }

    DriftWalk(long seed, long trials, int components, double step) {
        this.seed = seed;
        this.components = components;
        this.step = step;
        long blocks = Math.max(1, (trials + BLOCK - 1) / BLOCK);
        this.starts = new double[Math.toIntExact(blocks * components)];
        double[] theta = new double[components];
        for (int c = 0; c < components; c++) theta[c] = 2 * uniform(-1 - c);
        for (long b = 0; b < blocks; b++) {
            System.arraycopy(theta, 0, starts, (int) (b * components), components);
            if (b + 1 < blocks) for (long t = b * BLOCK; t < (b + 1) * BLOCK; t++) advance(theta, t);
        }
        this.cursors = ThreadLocal.withInitial(Cursor::new);
    }

    /**
     * The quantiles u of every component at a trial. The array belongs to the calling thread and
     * is overwritten by its next call.
     */
    double[] at(long trial) {
        Cursor k = cursors.get();
        if (k.trial != trial) {
            long blockStart = trial / BLOCK * BLOCK;
            if (k.trial < blockStart || k.trial > trial) {
                System.arraycopy(starts, (int) (trial / BLOCK * components), k.theta, 0, components);
                k.trial = blockStart;
            }
            while (k.trial < trial) advance(k.theta, k.trial++);
            for (int c = 0; c < components; c++) k.u[c] = k.theta[c] <= 1 ? k.theta[c] : 2 - k.theta[c];
        }
        return k.u;
    }

    /** Position at trial t + 1 from trial t. */
    private void advance(double[] theta, long t) {
        long base = t * components;
        for (int c = 0; c < components; c++) {
            double x = theta[c] + step * (2 * uniform(base + c) - 1);
            if (x >= 2) x -= 2;
            else if (x < 0) x += 2;
            theta[c] = x;
        }
    }

    /** Uniform in [0, 1) from the run's seed and a counter (SplitMix64). */
    private double uniform(long index) {
        long z = seed + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
