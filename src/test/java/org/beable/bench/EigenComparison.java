package org.beable.bench;

import java.util.Locale;

import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;

/**
 * The Java half of {@code bench/compare/run-eigh}: the dense Hermitian eigen-decomposition of
 * the matrices of {@code bench/compare/eigh.py} (the same formula on both sides), printed as
 * {@code label value} lines: the best time of three, the residual ‖HV − VΛ‖_max / ‖H‖_F, the
 * loss of unitarity ‖V†V − I‖_max, and a few eigenvalues for the two sides to be compared.
 *
 * <p>Sizes come from the arguments (default 256 512 1024).
 */
public final class EigenComparison {

    private static final int REPEATS = 3;

    private EigenComparison() {}

    /** H_jk = A_jk + conj(A_kj) with A_jk = cos(j + 2k) + i sin(3j − k) / 2, as in eigh.py. */
    static CMatrix matrix(int n) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                re[j * n + k] = Math.cos(j + 2.0 * k) + Math.cos(k + 2.0 * j);
                im[j * n + k] = 0.5 * (Math.sin(3.0 * j - k) - Math.sin(3.0 * k - j));
            }
        }
        return CMatrix.wrap(n, n, re, im);
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {256, 512, 1024} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            CMatrix h = matrix(n);
            double best = Double.POSITIVE_INFINITY;
            Eigen e = null;
            for (int r = 0; r < REPEATS; r++) {
                long start = System.nanoTime();
                e = Hermitian.decompose(h);
                best = Math.min(best, (System.nanoTime() - start) * 1e-9);
            }
            CMatrix v = e.vectors();
            double residual = h.times(v).maxAbsDifference(v.times(CMatrix.diagonal(e.values()))) / h.norm();
            double unitarity = v.adjoint().times(v).maxAbsDifference(CMatrix.identity(n));
            String label = "eigh/n=" + n + "/";
            System.out.printf(Locale.ROOT, "%stime_s %.6f%n", label, best);
            System.out.printf(Locale.ROOT, "%sresidual %.3e%n", label, residual);
            System.out.printf(Locale.ROOT, "%sunitarity %.3e%n", label, unitarity);
            for (int k : new int[] {0, n / 2, n - 1}) {
                System.out.printf(Locale.ROOT, "%svalue_%d %.17g%n", label, k, e.value(k));
            }
        }
    }
}
