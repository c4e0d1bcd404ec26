package org.beable.model.retrocausal;

/**
 * The singlet's kernel K(x) for a {@link Convention}, from the Fourier coefficients of the two
 * winding sums W_A₂π(x) = Σ a_k e^{ikx} and W_B₂π(x) = Σ b_k e^{ikx} on their common grid:
 * <pre>
 *   convolution        (W_A ∗ W_B)₂π(δ) = ∫ W_A₂π(u) W_B₂π(δ − u) du = 2π Σ_k a_k b_k e^{ikδ}
 *   cross-correlation  ∫ W_A₂π(u) W_B₂π(u + x) du                   = 2π Σ_k conj(a_k) b_k e^{ikx}
 * </pre>
 * Both are real (the coefficients of a real function come in conjugate pairs), so K is summed over
 * k ≥ 0 only; the spectrum is cut where the rest is below 1e-18 of the k = 0 term. Evaluations
 * cost O(K) and are safe from many threads.
 */
final class PairKernel {
    private final double[] re;
    private final double[] im;

    PairKernel(PeriodicGrid a, PeriodicGrid b, Convention convention) {
        if (a.size() != b.size()) throw new IllegalStateException("the two weights' grids differ in size");
        int half = a.size() / 2;
        double[] pr = new double[half];
        double[] pi = new double[half];
        for (int k = 0; k < half; k++) {
            double[] ak = a.coefficient(k);
            double[] bk = b.coefficient(k);
            double ai = convention.convolution() ? ak[1] : -ak[1];
            pr[k] = ak[0] * bk[0] - ai * bk[1];
            pi[k] = ak[0] * bk[1] + ai * bk[0];
        }
        int last = half - 1;
        double rest = 0;
        while (last > 1 && rest + Math.hypot(pr[last], pi[last]) <= 1e-18 * Math.abs(pr[0])) rest += Math.hypot(pr[last], pi[last--]);
        this.re = java.util.Arrays.copyOf(pr, last + 1);
        this.im = java.util.Arrays.copyOf(pi, last + 1);
    }

    /** K(x), up to the common factor 2π. */
    double at(double x) {
        double sum = re[0];
        for (int k = 1; k < re.length; k++) {
            double angle = k * x;
            sum += 2 * (re[k] * Math.cos(angle) - im[k] * Math.sin(angle));
        }
        return Math.max(0, sum);
    }
}
