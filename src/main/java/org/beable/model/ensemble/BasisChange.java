package org.beable.model.ensemble;

import java.util.List;
import java.util.SplittableRandom;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;

/**
 * A measurement in a basis other than the beable's first turns that basis into the beable basis
 * by evolving the ensemble (ensemble.md: "measurement in another basis first applies the basis
 * change as an evolution of the ensemble", as in de Broglie–Bohm, where measurement is an
 * interaction); then reading a member's value reads the outcome.
 *
 * <p>With the measured kets as the columns of M, any unitary W with W M diagonal will do:
 * W|m_k⟩ is then |k⟩ up to a phase. Givens eliminations below the diagonal give one, W₀; every
 * other is D W₀ with D diagonal. The ensemble runs W as the evolution for unit time under the
 * Hamiltonian H = −K, where K = −i log W is W's principal logarithm.
 *
 * <p>Which D matters to a finite ensemble: the populations after the change are the same for
 * every D (they are the Born probabilities), but the path between differs, and a path that takes
 * a value's share near zero and back loses it — once nobody has a value, nobody can copy it (the
 * node problem, in time). So when the state being measured is known, D is chosen among a fixed set
 * of candidates (D = 1, and phases on a grid for two levels or from a fixed seed for more) to keep
 * every value's share on the path as close as possible to the smaller of its start and end
 * values: the path with the smallest relative dip. The choice is a deterministic function of M and
 * the state.
 *
 * <p>If M merely permutes the beable basis (up to phases) no evolution is needed: value a reads
 * as the measured ket it equals.
 */
final class BasisChange {
    private static final double ZERO = 1e-13;
    /** Points on the path where the dip is measured. */
    private static final int PATH_POINTS = 48;

    /** The stages to run, and for each beable value the index of the measured ket it then stands for. */
    record Result(List<Segment> stages, int[] kets) {}

    private BasisChange() {}

    /**
     * @param state the ket the ensemble will be in when it is measured (to choose the path), or null
     */
    static Result of(CMatrix m, CMatrix state, String label) {
        int n = m.rows;
        int[] permutation = permutation(m);
        if (permutation != null) return new Result(List.of(), permutation);
        CMatrix w0 = givens(m);
        int candidates = state == null ? 1 : n == 2 ? 64 : n <= 16 ? 96 : 16;
        SplittableRandom rng = new SplittableRandom(0x5EED_BA5E);
        CMatrix best = null;
        double bestDip = Double.POSITIVE_INFINITY;
        double bestLength = Double.POSITIVE_INFINITY;
        for (int k = 0; k < candidates; k++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int a = 0; a < n; a++) {
                double alpha = k == 0 || a == 0 ? 0 : n == 2 ? 2 * Math.PI * k / candidates : rng.nextDouble(-Math.PI, Math.PI);
                re[a] = Math.cos(alpha);
                im[a] = Math.sin(alpha);
            }
            CMatrix w = diagonal(re, im).times(w0);
            Logarithm log = Logarithm.of(w);
            double dip = state == null ? 0 : log.dip(state);
            double length = log.length();
            if (dip < bestDip - 1e-9 || (Math.abs(dip - bestDip) <= 1e-9 && length < bestLength)) {
                bestDip = dip;
                bestLength = length;
                best = log.hamiltonian();
            }
        }
        int[] identity = new int[n];
        for (int a = 0; a < n; a++) identity[a] = a;
        return new Result(List.of(Segment.of(best, 1.0, label + " (basis change)")), identity);
    }

    /** W₀: the product of the Givens rotations that make M upper triangular, hence diagonal. */
    static CMatrix givens(CMatrix m) {
        int n = m.rows;
        double[] re = m.reals();
        double[] im = m.imags();
        CMatrix w = CMatrix.identity(n);
        for (int c = 0; c < n - 1; c++) {
            for (int q = c + 1; q < n; q++) {
                double yr = re[q * n + c];
                double yi = im[q * n + c];
                double y = Math.hypot(yr, yi);
                if (y <= ZERO) continue;
                double xr = re[c * n + c];
                double xi = im[c * n + c];
                double x = Math.hypot(xr, xi);
                // Zero y against x: θ = atan2(|y|, |x|), e^{−iβ} = −i (y/|y|) conj(x/|x|).
                double theta = Math.atan2(y, x);
                double beta = Math.PI / 2 - Math.atan2(yi, yr) + (x == 0 ? 0 : Math.atan2(xi, xr));
                CMatrix g = rotation(n, c, q, theta, beta);
                CMatrix rotated = g.times(CMatrix.wrap(n, n, re, im));
                re = rotated.reals();
                im = rotated.imags();
                w = g.times(w);
            }
        }
        return w;
    }

    /** exp(−iθK), K = e^{iβ}|c⟩⟨q| + e^{−iβ}|q⟩⟨c|: [[cos θ, −i sin θ e^{iβ}], [−i sin θ e^{−iβ}, cos θ]] on (c, q). */
    private static CMatrix rotation(int n, int c, int q, double theta, double beta) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int a = 0; a < n; a++) re[a * n + a] = 1;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        re[c * n + c] = cos;
        re[q * n + q] = cos;
        re[c * n + q] = sin * Math.sin(beta);
        im[c * n + q] = -sin * Math.cos(beta);
        re[q * n + c] = -sin * Math.sin(beta);
        im[q * n + c] = -sin * Math.cos(beta);
        return CMatrix.wrap(n, n, re, im);
    }

    private static CMatrix diagonal(double[] re, double[] im) {
        int n = re.length;
        double[] r = new double[n * n];
        double[] i = new double[n * n];
        for (int a = 0; a < n; a++) {
            r[a * n + a] = re[a];
            i[a * n + a] = im[a];
        }
        return CMatrix.wrap(n, n, r, i);
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

    /**
     * The principal logarithm of a unitary W = V diag(e^{iθ}) V†, θ ∈ (−π, π]. W is normal, so
     * its eigenvectors are those of the Hermitian (W + W†)/2 + c (W − W†)/2i for any c at which two
     * distinct eigenvalues of W do not collide; a few irrational c are tried and the
     * reconstruction is checked.
     */
    record Logarithm(CMatrix vectors, double[] angles) {
        static Logarithm of(CMatrix w) {
            int n = w.rows;
            CMatrix a = w.plus(w.adjoint()).scale(0.5);
            CMatrix b = w.minus(w.adjoint()).scale(0, -0.5);
            for (double c : new double[] {0.5772156649015329, 0.3183098861837907, 1.618033988749895, -2.718281828459045}) {
                Eigen eigen = Hermitian.decompose(a.plus(b.scale(c)));
                CMatrix v = eigen.vectors();
                double[] angles = new double[n];
                for (int k = 0; k < n; k++) {
                    CMatrix vk = v.columnAt(k);
                    double cos = vk.inner(a.times(vk)).getReal();
                    double sin = vk.inner(b.times(vk)).getReal();
                    angles[k] = Math.atan2(sin, cos);
                }
                Logarithm log = new Logarithm(v, angles);
                if (log.exponential().maxAbsDifference(w) < 1e-9) return log;
            }
            throw new IllegalStateException("no logarithm found for the basis change " + w);
        }

        /** V diag(e^{iθ}) V†. */
        CMatrix exponential() {
            int n = angles.length;
            double[] re = new double[n];
            double[] im = new double[n];
            for (int k = 0; k < n; k++) {
                re[k] = Math.cos(angles[k]);
                im[k] = Math.sin(angles[k]);
            }
            return vectors.times(diagonal(re, im)).times(vectors.adjoint());
        }

        /** H = −V diag(θ) V†, so that exp(−iH·1) = W. */
        CMatrix hamiltonian() {
            CMatrix h = vectors.times(CMatrix.diagonal(angles)).times(vectors.adjoint()).scale(-1);
            return h.plus(h.adjoint()).scale(0.5);
        }

        /** How far the path turns: the largest |θ|. */
        double length() {
            double most = 0;
            for (double t : angles) most = Math.max(most, Math.abs(t));
            return most;
        }

        /**
         * The largest relative dip of any value's share along the path exp(iKs)ψ, s ∈ [0, 1]:
         * (min(start, end) − lowest) / min(start, end), over values that hold weight at both ends.
         */
        double dip(CMatrix psi) {
            int n = angles.length;
            CMatrix c = vectors.adjoint().times(psi);
            double[] start = new double[n];
            double[] lowest = new double[n];
            double[] share = new double[n];
            java.util.Arrays.fill(lowest, Double.POSITIVE_INFINITY);
            for (int j = 0; j <= PATH_POINTS; j++) {
                double s = (double) j / PATH_POINTS;
                for (int a = 0; a < n; a++) {
                    double re = 0;
                    double im = 0;
                    for (int k = 0; k < n; k++) {
                        double cos = Math.cos(angles[k] * s);
                        double sin = Math.sin(angles[k] * s);
                        double cr = c.re(k, 0) * cos - c.im(k, 0) * sin;
                        double ci = c.re(k, 0) * sin + c.im(k, 0) * cos;
                        re += vectors.re(a, k) * cr - vectors.im(a, k) * ci;
                        im += vectors.re(a, k) * ci + vectors.im(a, k) * cr;
                    }
                    share[a] = re * re + im * im;
                    lowest[a] = Math.min(lowest[a], share[a]);
                    if (j == 0) start[a] = share[a];
                }
            }
            double worst = 0;
            for (int a = 0; a < n; a++) {
                double floor = Math.min(start[a], share[a]);
                if (floor < 1e-12) continue;
                worst = Math.max(worst, (floor - lowest[a]) / floor);
            }
            return worst;
        }
    }
}
