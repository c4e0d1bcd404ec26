package org.beable.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;

/**
 * The Java half of {@code bench/compare/run-eigh}: the dense Hermitian eigen-decomposition of
 * the matrices of {@code bench/compare/eigh.py} (the same formula on both sides), printed as
 * {@code label value} lines: the best wall-clock and the best CPU time of five runs after a warm-up
 * run, the residual ‖HV − VΛ‖_max / ‖H‖_F, the loss of unitarity ‖V†V − I‖_max, and a few
 * eigenvalues for the two sides to be compared. The CPU time of the thread is what to trust on a
 * shared machine: a run that waits for a core loses wall time but not CPU time.
 *
 * <p>Sizes come from the arguments (default 256 512 1024).
 */
public final class EigenComparison {

    private static final int REPEATS = 5;

    private EigenComparison() {}

    /**
     * H = (A + A†)/2 with A_jk = u(j, k, 1) + i u(j, k, 2): a dense matrix with a spread-out spectrum,
     * the same bits in Java and Python (an integer hash, no library random generator).
     */
    static CMatrix matrix(int n) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                re[j * n + k] = 0.5 * (uniform(j, k, 1) + uniform(k, j, 1));
                im[j * n + k] = 0.5 * (uniform(j, k, 2) - uniform(k, j, 2));
            }
        }
        return CMatrix.wrap(n, n, re, im);
    }

    /** A number in [−0.5, 0.5) from (j, k, salt): Knuth's multiplicative hash of a mixed index. */
    static double uniform(int j, int k, int salt) {
        long mixed = (j * 1_000_003L + k * 7_919L + salt * 12_345L) * 2_654_435_761L;
        return (mixed & 0xFFFF_FFFFL) / 4294967296.0 - 0.5;
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {256, 512, 1024} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            CMatrix h = matrix(n);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Eigen e = Hermitian.decompose(h); // warm-up: the JIT compiles the kernels at this size
            double best = Double.POSITIVE_INFINITY;
            double bestCpu = Double.POSITIVE_INFINITY;
            for (int r = 0; r < REPEATS; r++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                e = Hermitian.decompose(h);
                best = Math.min(best, (System.nanoTime() - start) * 1e-9);
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9);
            }
            CMatrix v = e.vectors();
            double residual = h.times(v).maxAbsDifference(v.times(CMatrix.diagonal(e.values()))) / h.norm();
            double unitarity = v.adjoint().times(v).maxAbsDifference(CMatrix.identity(n));
            String label = "eigh/n=" + n + "/";
            System.out.printf(Locale.ROOT, "%stime_s %.6f%n", label, best);
            System.out.printf(Locale.ROOT, "%scpu_s %.6f%n", label, bestCpu);
            System.out.printf(Locale.ROOT, "%sresidual %.3e%n", label, residual);
            System.out.printf(Locale.ROOT, "%sunitarity %.3e%n", label, unitarity);
            for (int k : new int[] {0, n / 2, n - 1}) {
                System.out.printf(Locale.ROOT, "%svalue_%d %.17g%n", label, k, e.value(k));
            }
        }
    }
}
