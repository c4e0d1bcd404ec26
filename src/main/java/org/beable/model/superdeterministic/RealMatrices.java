package org.beable.model.superdeterministic;

/**
 * The one dense kernel the master equation needs: C = A · B for square real matrices stored
 * row-major in primitive arrays. Rows of C are accumulated in a buffer four terms of k at a
 * time, so the inner loop streams four rows of B against one row of C and the JIT vectorises it;
 * that is several times faster than the textbook triple loop at the sizes that matter here
 * (N = 16 … 128).
 */
final class RealMatrices {
    private RealMatrices() {}

    /** c = a · b (n × n); c must not be a or b; row is scratch of length ≥ n. */
    static void multiply(double[] a, double[] b, double[] c, int n, double[] row) {
        multiplyRows(a, b, c, n, row, 0, n);
    }

    /** Rows [from, to) of c = a · b. */
    static void multiplyRows(double[] a, double[] b, double[] c, int n, double[] row, int from, int to) {
        for (int i = from; i < to; i++) {
            int ai = i * n;
            java.util.Arrays.fill(row, 0, n, 0.0);
            int k = 0;
            for (; k + 3 < n; k += 4) {
                double a0 = a[ai + k];
                double a1 = a[ai + k + 1];
                double a2 = a[ai + k + 2];
                double a3 = a[ai + k + 3];
                int b0 = k * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) row[j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
            for (; k < n; k++) {
                double a0 = a[ai + k];
                int b0 = k * n;
                for (int j = 0; j < n; j++) row[j] += a0 * b[b0 + j];
            }
            System.arraycopy(row, 0, c, ai, n);
        }
    }
}
