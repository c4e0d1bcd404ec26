package org.beable.model.retrocausal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;

/**
 * The paper's §3.2 check, for any grid of settings: S = |E(a1,b1) + E(a1,b2) + E(a2,b1) − E(a2,b2)|
 * at every combination of the given values of a1, a2, b1 and b2, with the model's exact singlet
 * correlation, and the largest S found.
 *
 * <p>E is evaluated once for every pair (a, b) that occurs — 201 × 402 pairs for the paper's
 * 201³ grid — into primitive tables; S at each of the grid's points is then four table reads,
 * spread over the worker threads one (a1, a2) row at a time (a search of fewer than 4096 points,
 * such as an optimiser's objective, stays on the calling thread). Rows are reduced in order, so
 * the result (the first maximum in row-major order) does not depend on the thread count.
 *
 * @param best      the settings of the maximum: a1, a2, b1, b2
 * @param bound     the bound S is compared with (NaN if none was given)
 * @param above     points whose S exceeds the bound by more than {@link #TOLERANCE}
 */
public record ChshSearch(String model, long points, double maximum, List<Double> best, double minimum, double bound, long above)
        implements Tabular {

    /** How far above the bound S must be to count: round-off of S near 2√2 is a few 1e-16. */
    public static final double TOLERANCE = 1e-12;
    /** Searches smaller than this run on the calling thread. */
    private static final long SMALL = 4096;

    public ChshSearch {
        best = List.copyOf(best);
    }

    /**
     * @param threads worker threads; {@code <= 0} for every core
     */
    public static ChshSearch over(RetrocausalModel.Correlation e, String model, double[] a1, double[] a2, double[] b1, double[] b2,
                                  double bound, int threads) {
        for (double[] values : new double[][] {a1, a2, b1, b2}) {
            if (values.length == 0) throw new IllegalArgumentException("every setting of the search needs at least one value");
            for (double v : values) if (!Double.isFinite(v)) throw new IllegalArgumentException("a setting of the search is not finite: " + v);
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long size = (long) a1.length * a2.length * b1.length * b2.length;
        ForkJoinPool pool = size < SMALL ? null : new ForkJoinPool(workers);
        try {
            double[][] e11 = table(pool, e, a1, b1);
            double[][] e12 = table(pool, e, a1, b2);
            double[][] e21 = table(pool, e, a2, b1);
            double[][] e22 = table(pool, e, a2, b2);
            int rows = a1.length * a2.length;
            Row[] results = new Row[rows];
            run(pool, () -> indices(pool, rows).forEach(r ->
                    results[r] = row(e11[r / a2.length], e12[r / a2.length], e21[r % a2.length], e22[r % a2.length], bound)));
            Row total = results[0];
            int bestRow = 0;
            for (int r = 1; r < rows; r++) {
                if (results[r].max > total.max) bestRow = r;
                total = total.merge(results[r]);
            }
            Row winner = results[bestRow];
            List<Double> best = List.of(a1[bestRow / a2.length], a2[bestRow % a2.length], b1[winner.j1], b2[winner.j2]);
            return new ChshSearch(model, (long) rows * b1.length * b2.length, total.max, best, total.min, bound, total.above);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the CHSH search was interrupted", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(ex.getCause());
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    private static IntStream indices(ForkJoinPool pool, int n) {
        return pool == null ? IntStream.range(0, n) : IntStream.range(0, n).parallel();
    }

    /** A parallel stream in the search's own pool; a small search (an optimiser's objective) runs on the caller's thread. */
    private static void run(ForkJoinPool pool, Runnable parallel) throws InterruptedException, ExecutionException {
        if (pool == null) {
            parallel.run();
        } else {
            pool.submit(parallel).get();
        }
    }

    /** E(a_i, b_j) for every pair. */
    private static double[][] table(ForkJoinPool pool, RetrocausalModel.Correlation e, double[] a, double[] b)
            throws InterruptedException, ExecutionException {
        double[][] out = new double[a.length][b.length];
        run(pool, () -> indices(pool, a.length * b.length)
                .forEach(k -> out[k / b.length][k % b.length] = e.at(a[k / b.length], b[k % b.length])));
        return out;
    }

    /** The extremes of one (a1, a2) row over every (b1, b2): S = |x[j1] + y[j2]| with x = E11 + E21, y = E12 − E22. */
    private static Row row(double[] e11, double[] e12, double[] e21, double[] e22, double bound) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int j1Best = 0;
        int j2Best = 0;
        long above = 0;
        double limit = bound + TOLERANCE;
        for (int j1 = 0; j1 < e11.length; j1++) {
            double x = e11[j1] + e21[j1];
            for (int j2 = 0; j2 < e12.length; j2++) {
                double s = Math.abs(x + e12[j2] - e22[j2]);
                if (s > max) {
                    max = s;
                    j1Best = j1;
                    j2Best = j2;
                }
                if (s < min) min = s;
                if (s > limit) above++;
            }
        }
        return new Row(max, min, above, j1Best, j2Best);
    }

    private record Row(double max, double min, long above, int j1, int j2) {
        Row merge(Row other) {
            return new Row(Math.max(max, other.max), Math.min(min, other.min), above + other.above, j1, j2);
        }
    }

    /** Whether some point exceeded the bound. */
    public boolean exceeded() {
        return above > 0;
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("quantity", "value")).title("CHSH search over " + points + " settings  [" + model + ", exact]");
        table.row("largest S", Numbers.format(maximum));
        table.row("at a1, a2, b1, b2", best.stream().map(Numbers::format).reduce((x, y) -> x + ", " + y).orElse(""));
        table.row("smallest S", Numbers.format(minimum));
        if (!Double.isNaN(bound)) {
            table.row("bound", Numbers.format(bound));
            table.row("points above the bound", Long.toString(above));
        }
        return table;
    }

    @Override
    public String toString() {
        return "largest S = " + Numbers.format(maximum) + " over " + points + " settings"
                + (Double.isNaN(bound) ? "" : above == 0 ? ", none above " + Numbers.format(bound) : ", " + above + " above " + Numbers.format(bound));
    }
}
