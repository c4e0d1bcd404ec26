package org.beable.model.ensemble;

import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;

/**
 * A Hamiltonian in the beable basis as the copy dynamics reads it (ħ = 1): the frequencies
 * ω_a = H_aa and, for a ≠ b, H_ab = R_ab e^{iδ_ab} with R_ab = R_ba ≥ 0 and δ_ba = −δ_ab.
 *
 * <p>Only pairs with R_ab > 0 exchange members, so they are kept as a list of unordered pairs
 * (first &lt; second). For a pair write θ = φ_first − φ_second + δ: members with the second value
 * copy members with the first at total rate 2R√(n_first n_second) sin⁺θ, and the other way
 * round at 2R√(n_first n_second) sin⁺(−θ). At most one of the two is non-zero, so the pair's
 * signed flow into `first` is 2R√(n_first n_second) sin θ.
 */
final class Couplings {
    final int size;
    final double[] omega;
    final int[] first;
    final int[] second;
    final double[] strength;
    final double[] phase;

    private Couplings(int size, double[] omega, int[] first, int[] second, double[] strength, double[] phase) {
        this.size = size;
        this.omega = omega;
        this.first = first;
        this.second = second;
        this.strength = strength;
        this.phase = phase;
    }

    int pairs() {
        return first.length;
    }

    /**
     * Reads H. Entries below 1e-14 of the largest count as zero (no copying between those values).
     *
     * @param what names the matrix in messages ("the Hamiltonian of evolve step 1")
     * @throws IllegalArgumentException if H is not square or not Hermitian
     */
    static Couplings of(CMatrix h, String what) {
        if (!h.isSquare()) {
            throw new IllegalArgumentException(what + " is a " + h.rows + "x" + h.cols + " matrix; a Hamiltonian is square");
        }
        int n = h.rows;
        double scale = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) scale = Math.max(scale, Math.hypot(h.re(a, b), h.im(a, b)));
        }
        double tolerance = 1e-10 * Math.max(1, scale);
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double dr = h.re(a, b) - h.re(b, a);
                double di = h.im(a, b) + h.im(b, a);
                if (!(Math.hypot(dr, di) <= tolerance)) {
                    throw new IllegalArgumentException(what + " is not Hermitian: H[" + a + "," + b + "] = "
                            + Numbers.format(h.re(a, b), h.im(a, b)) + " but H[" + b + "," + a + "] = "
                            + Numbers.format(h.re(b, a), h.im(b, a)) + ", which should be its complex conjugate;"
                            + " the copy rule needs R_ab = R_ba, so H must equal its adjoint (check it with is_hermitian(H))");
                }
            }
        }
        double[] omega = new double[n];
        for (int a = 0; a < n; a++) omega[a] = h.re(a, a);
        int count = 0;
        double cut = 1e-14 * Math.max(1, scale);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) if (Math.hypot(h.re(a, b), h.im(a, b)) > cut) count++;
        }
        int[] first = new int[count];
        int[] second = new int[count];
        double[] strength = new double[count];
        double[] phase = new double[count];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                // Average H_ab with conj(H_ba) so rounding-level asymmetry cannot bias the flows.
                double re = 0.5 * (h.re(a, b) + h.re(b, a));
                double im = 0.5 * (h.im(a, b) - h.im(b, a));
                double r = Math.hypot(re, im);
                if (Math.hypot(h.re(a, b), h.im(a, b)) <= cut) continue;
                first[p] = a;
                second[p] = b;
                strength[p] = r;
                phase[p] = Math.atan2(im, re);
                p++;
            }
        }
        return new Couplings(n, omega, first, second, strength, phase);
    }

    /** H = r (e^{iδ}|a⟩⟨b| + e^{−iδ}|b⟩⟨a|) on `size` levels: one stage of a basis change. */
    static Couplings rotation(int size, int a, int b, double r, double delta) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        double d = a < b ? delta : -delta;
        return new Couplings(size, new double[size], new int[] {lo}, new int[] {hi}, new double[] {r}, new double[] {d});
    }

    /** The matrix these couplings stand for. */
    CMatrix matrix() {
        double[] re = new double[size * size];
        double[] im = new double[size * size];
        for (int a = 0; a < size; a++) re[a * size + a] = omega[a];
        for (int p = 0; p < first.length; p++) {
            int a = first[p];
            int b = second[p];
            re[a * size + b] = strength[p] * Math.cos(phase[p]);
            im[a * size + b] = strength[p] * Math.sin(phase[p]);
            re[b * size + a] = re[a * size + b];
            im[b * size + a] = -im[a * size + b];
        }
        return CMatrix.wrap(size, size, re, im);
    }

    /** Σ_b R_ab over the pairs of a: the largest rate at which phase differences and occupations change. */
    double largestRowSum() {
        double[] sums = new double[size];
        for (int p = 0; p < first.length; p++) {
            sums[first[p]] += strength[p];
            sums[second[p]] += strength[p];
        }
        double max = 0;
        for (double s : sums) max = Math.max(max, s);
        return max;
    }

    /** Whether value a exchanges members with any other value. */
    boolean couples(int a) {
        for (int p = 0; p < first.length; p++) if (first[p] == a || second[p] == a) return true;
        return false;
    }
}
