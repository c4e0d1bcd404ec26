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

    /**
     * K at θ, −θ, π − θ and θ − π (the four angles any convention asks of the singlet), in one
     * pass: e^{ikθ} by repeated rotation, and e^{ik(π∓θ)} = (−1)^k e^{∓ikθ}, so the four sums
     * share their terms split by the parity of k. Up to the common factor 2π; for the CHSH search.
     */
    double[] atFour(double theta) {
        double c1 = Math.cos(theta);
        double s1 = Math.sin(theta);
        double c = 1;
        double s = 0;
        double evenRe = 0;
        double oddRe = 0;
        double evenIm = 0;
        double oddIm = 0;
        for (int k = 1; k < re.length; k++) {
            double next = c * c1 - s * s1;
            s = s * c1 + c * s1;
            c = next;
            if ((k & 1) == 0) {
                evenRe += re[k] * c;
                evenIm += im[k] * s;
            } else {
                oddRe += re[k] * c;
                oddIm += im[k] * s;
            }
        }
        double p0 = re[0];
        return new double[] {
            Math.max(0, p0 + 2 * (evenRe + oddRe - evenIm - oddIm)),      // θ
            Math.max(0, p0 + 2 * (evenRe + oddRe + evenIm + oddIm)),      // −θ
            Math.max(0, p0 + 2 * (evenRe - oddRe + evenIm - oddIm)),      // π − θ
            Math.max(0, p0 + 2 * (evenRe - oddRe - evenIm + oddIm))};     // θ − π
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
