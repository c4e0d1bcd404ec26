package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.beable.quantum.CMatrix;

/**
 * A measurement in a basis other than the beable's first turns that basis into the beable basis
 * by evolving the ensemble (ensemble.md: "measurement in another basis first applies the basis
 * change as an evolution of the ensemble", as in de Broglie–Bohm, where measurement is an
 * interaction); then reading a member's value reads the outcome.
 *
 * <p>With the measured kets as the columns of M, Givens eliminations below the diagonal, column
 * by column, give two-level unitaries G_j with G_L ⋯ G_1 M diagonal. Each G_j acts on levels
 * (c, q) as [[cos θ, −i sin θ e^{iβ}], [−i sin θ e^{−iβ}, cos θ]] = exp(−iθK),
 * K = e^{iβ}|c⟩⟨q| + e^{−iβ}|q⟩⟨c|: the evolution for unit time under the Hamiltonian θK, which
 * the copy dynamics runs like any other (R = θ ≤ π/2, δ = β, ω = 0). To zero the entry y of row q
 * against x of row c: θ = atan2(|y|, |x|) and e^{−iβ} = −i (y/|y|) conj(x/|x|).
 *
 * <p>If M merely permutes the beable basis (up to phases) no evolution is needed: value a reads
 * as the measured ket it equals.
 */
final class BasisChange {
    private static final double ZERO = 1e-13;

    /** The stages to run, and for each beable value the index of the measured ket it then stands for. */
    record Result(List<Segment> stages, int[] kets) {}

    private BasisChange() {}

    static Result of(CMatrix m, String label) {
        int n = m.rows;
        int[] permutation = permutation(m);
        if (permutation != null) return new Result(List.of(), permutation);
        double[] re = m.reals();
        double[] im = m.imags();
        List<double[]> rotations = new ArrayList<>();
        for (int c = 0; c < n - 1; c++) {
            for (int q = c + 1; q < n; q++) {
                double yr = re[q * n + c];
                double yi = im[q * n + c];
                double y = Math.hypot(yr, yi);
                if (y <= ZERO) continue;
                double xr = re[c * n + c];
                double xi = im[c * n + c];
                double x = Math.hypot(xr, xi);
                double theta = Math.atan2(y, x);
                double argY = Math.atan2(yi, yr);
                double argX = x == 0 ? 0 : Math.atan2(xi, xr);
                double beta = Math.PI / 2 - argY + argX;
                apply(re, im, n, c, q, theta, beta);
                rotations.add(new double[] {c, q, theta, beta});
            }
        }
        List<Segment> stages = new ArrayList<>();
        for (int k = 0; k < rotations.size(); k++) {
            double[] r = rotations.get(k);
            Couplings couplings = Couplings.rotation(n, (int) r[0], (int) r[1], r[2], r[3]);
            stages.add(new Segment(couplings, couplings.matrix(), 1.0,
                    label + " (basis change, stage " + (k + 1) + " of " + rotations.size() + ")"));
        }
        int[] identity = new int[n];
        for (int a = 0; a < n; a++) identity[a] = a;
        return new Result(stages, identity);
    }

    /** Rows c and q of (re, im) multiplied by the two-level unitary of a stage. */
    private static void apply(double[] re, double[] im, int n, int c, int q, double theta, double beta) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        // −i sin θ e^{iβ} = sin θ (sin β − i cos β);  −i sin θ e^{−iβ} = sin θ (−sin β − i cos β)
        double ur = sin * Math.sin(beta);
        double ui = -sin * Math.cos(beta);
        double lr = -sin * Math.sin(beta);
        double li = -sin * Math.cos(beta);
        for (int k = 0; k < n; k++) {
            double cr = re[c * n + k];
            double ci = im[c * n + k];
            double qr = re[q * n + k];
            double qi = im[q * n + k];
            re[c * n + k] = cos * cr + ur * qr - ui * qi;
            im[c * n + k] = cos * ci + ur * qi + ui * qr;
            re[q * n + k] = lr * cr - li * ci + cos * qr;
            im[q * n + k] = lr * ci + li * cr + cos * qi;
        }
    }

    /** For a matrix with one unit-modulus entry per column: the column each row's value reads as; else null. */
    private static int[] permutation(CMatrix m) {
        int n = m.rows;
        int[] kets = new int[n];
        java.util.Arrays.fill(kets, -1);
        for (int k = 0; k < n; k++) {
            int row = -1;
            for (int a = 0; a < n; a++) {
                double modulus = Math.hypot(m.re(a, k), m.im(a, k));
                if (modulus > 1e-12) {
                    if (row >= 0 || Math.abs(modulus - 1) > 1e-9) return null;
                    row = a;
                }
            }
            if (row < 0 || kets[row] >= 0) return null;
            kets[row] = k;
        }
        return kets;
    }
}
