package org.beable.model.ensemble;

import java.util.List;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;

/**
 * What quantum mechanics says along a schedule: ψ(t) = exp(−iHt) ψ(0) segment by segment, from
 * each Hamiltonian's eigen-decomposition (ψ_a(τ) = Σ_k V_ak e^{−iλ_k τ} (V†ψ)_k, exact at every τ
 * without accumulating round-off over steps).
 */
final class QuantumReference {
    private final int size;
    private final double[][] values;
    private final double[][] vectorRe;
    private final double[][] vectorIm;
    private final double[][] coefficientRe;
    private final double[][] coefficientIm;

    QuantumReference(List<Segment> segments, CMatrix psi) {
        size = psi.rows;
        int n = segments.size();
        values = new double[n][];
        vectorRe = new double[n][];
        vectorIm = new double[n][];
        coefficientRe = new double[n][];
        coefficientIm = new double[n][];
        CMatrix state = psi;
        for (int s = 0; s < n; s++) {
            Eigen eigen = Hermitian.decompose(segments.get(s).hamiltonian());
            values[s] = eigen.values();
            CMatrix v = eigen.vectors();
            vectorRe[s] = v.reals();
            vectorIm[s] = v.imags();
            CMatrix c = v.adjoint().times(state);
            coefficientRe[s] = c.reals();
            coefficientIm[s] = c.imags();
            double[] re = new double[size];
            double[] im = new double[size];
            amplitudes(s, segments.get(s).duration(), re, im);
            state = CMatrix.column(re, im);
        }
    }

    /** ψ(τ) within segment s, into re and im. */
    void amplitudes(int s, double tau, double[] re, double[] im) {
        double[] lambda = values[s];
        double[] vr = vectorRe[s];
        double[] vi = vectorIm[s];
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int k = 0; k < size; k++) {
            double cos = Math.cos(lambda[k] * tau);
            double sin = -Math.sin(lambda[k] * tau);
            double cr = coefficientRe[s][k] * cos - coefficientIm[s][k] * sin;
            double ci = coefficientRe[s][k] * sin + coefficientIm[s][k] * cos;
            if (cr == 0 && ci == 0) continue;
            for (int a = 0; a < size; a++) {
                double xr = vr[a * size + k];
                double xi = vi[a * size + k];
                re[a] += xr * cr - xi * ci;
                im[a] += xr * ci + xi * cr;
            }
        }
    }

    /** |ψ_a|² and −arg ψ_a (the phase the ensemble's class a should carry) within segment s. */
    void observe(int s, double tau, double[] probability, double[] phase, double[] re, double[] im) {
        amplitudes(s, tau, re, im);
        for (int a = 0; a < size; a++) {
            probability[a] = re[a] * re[a] + im[a] * im[a];
            phase[a] = -Math.atan2(im[a], re[a]);
        }
    }
}
