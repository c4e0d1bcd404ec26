package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;
import org.beable.quantum.CMatrix;
import org.beable.quantum.MatrixFunctions;

/**
 * The master equation with H = 0, solved in closed form (the appendix of both papers): the
 * populations obey the linear rate equation dp/dt = κ Q p with
 * Q_II = −γ_I, Q_IM = θ_I (M < I: every lower state feeds |I⟩ when σ_I > 0),
 * Q_IJ = 1 − θ_J (J > I: |J⟩ feeds every lower state when σ_J ≤ 0), so p(t) = exp(κQt) p(0);
 * each coherence decays on its own, ρ_IJ(t) = ρ_IJ(0) exp(−κ Λ_IJ t / 2), Λ_IJ = γ_I + γ_J.
 */
final class ClosedForm {
    private ClosedForm() {}

    /** The rate matrix Q of a sign pattern. */
    static CMatrix rates(SignPattern pattern) {
        int n = pattern.size();
        double[] gamma = pattern.gamma();
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = -gamma[i];
            for (int m = 0; m < i; m++) if (pattern.positive()[i]) q[i][m] = 1;
            for (int j = i + 1; j < n; j++) if (!pattern.positive()[j]) q[i][j] = 1;
        }
        return CMatrix.of(q, null);
    }

    static List<CMatrix> solve(CMatrix rho0, SignPattern pattern, double kappa, double[] times) {
        int n = rho0.rows;
        double[] gamma = pattern.gamma();
        CMatrix q = rates(pattern);
        double[] p0 = new double[n];
        for (int i = 0; i < n; i++) p0[i] = rho0.re(i, i);
        List<CMatrix> out = new ArrayList<>(times.length);
        for (double t : times) {
            double[] re = new double[n * n];
            double[] im = new double[n * n];
            CMatrix e = t == 0 ? CMatrix.identity(n) : MatrixFunctions.exp(q.scale(kappa * t));
            for (int i = 0; i < n; i++) {
                double pi = 0;
                for (int m = 0; m < n; m++) pi += e.re(i, m) * p0[m];
                re[i * n + i] = pi;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double decay = Math.exp(-kappa * (gamma[i] + gamma[j]) * t / 2);
                    re[i * n + j] = rho0.re(i, j) * decay;
                    im[i * n + j] = rho0.im(i, j) * decay;
                }
            }
            out.add(CMatrix.wrap(n, n, re, im));
        }
        return out;
    }
}
