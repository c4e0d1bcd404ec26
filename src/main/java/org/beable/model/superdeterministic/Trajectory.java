package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;
import org.beable.quantum.CMatrix;
import org.beable.quantum.SystemLayout;

/**
 * ρ(t) under the master equation at finite κ for one setting combination: per hidden-variable
 * branch (a sign pattern of σ_2 … σ_N, with the basis order it was built in) and averaged over λ.
 *
 * @param basisLabels   the detection basis |1⟩ … |N⟩ in the reporting order, e.g. "A=-1, B=+1"
 * @param basis         its kets as the columns of a unitary (systems basis ← detection basis)
 * @param average       ρ̄(t) in the detection basis, reporting order (the papers' ρ_IJ)
 * @param born          |α_I|², the Born probabilities at detection, in the reporting order
 * @param limit         P(K) of the κ → ∞ limit from the same branches (exact, or their sampled shares)
 * @param exact         whether the average is the exact sum over branches (else: {@code samples} draws of λ)
 */
public record Trajectory(String experiment, String settings, String model, double kappa, double[] times,
                         List<String> basisLabels, CMatrix basis, SystemLayout layout, List<Branch> branches,
                         List<CMatrix> average, double[] born, double[] limit, boolean exact, int samples,
                         boolean closedForm, long evaluations) implements Tabular {

    /**
     * One branch: its basis order ("default", or the permutation), the signs of σ_2 … σ_N, its
     * probability, the outcome it collapses to, and ρ(t) in its own detection basis (null when
     * too many branches were averaged to keep each).
     */
    public record Branch(String order, String signs, double weight, String outcome, List<CMatrix> rho) {}

    public Trajectory {
        times = times.clone();
        branches = List.copyOf(branches);
        average = List.copyOf(average);
    }

    public int dimension() {
        return basis.rows;
    }

    /** ρ̄(t_k) on the declared systems (for partial traces): V ρ̄ V†. */
    public CMatrix averageInSystems(int k) {
        return average.get(k).conjugateBy(basis);
    }

    /** The averaged populations at the last time: the outcome probabilities the model gives at finite κ. */
    public double[] finalProbabilities() {
        CMatrix last = average.get(average.size() - 1);
        double[] p = new double[dimension()];
        for (int i = 0; i < p.length; i++) p[i] = last.re(i, i);
        return p;
    }

    /** Σ_{I<J} |ρ̄_IJ(t_k)|: how much coherence is left in the detection basis. */
    public double coherence(int k) {
        CMatrix rho = average.get(k);
        double sum = 0;
        for (int i = 0; i < rho.rows; i++) for (int j = i + 1; j < rho.cols; j++) sum += Math.hypot(rho.re(i, j), rho.im(i, j));
        return sum;
    }

    public String summary() {
        String how = exact ? branches.size() + " branch" + (branches.size() == 1 ? "" : "es") + ", exact average"
                : "average over " + samples + " sampled λ (" + branches.size() + " distinct branches)";
        return "trajectory of " + experiment + (settings.isEmpty() ? "" : " (" + settings + ")") + " under " + model
                + ": N = " + dimension() + ", " + how + (closedForm ? ", H = 0 closed form" : ", Dormand–Prince 5(4)");
    }

    /** One row per time: t, the averaged populations (N ≤ 8), and the coherence left. */
    @Override
    public Table toTable() {
        List<String> header = new ArrayList<>();
        header.add("t");
        boolean wide = dimension() <= 8;
        if (wide) for (String label : basisLabels) header.add("P(" + label + ")");
        else header.add("max population");
        header.add("coherence Σ|ρ_IJ|");
        Table table = new Table(header).title(summary());
        for (int k = 0; k < times.length; k++) {
            List<String> row = new ArrayList<>();
            row.add(Numbers.format(times[k]));
            CMatrix rho = average.get(k);
            if (wide) {
                for (int i = 0; i < rho.rows; i++) row.add(Numbers.format(clean(rho.re(i, i))));
            } else {
                double max = 0;
                for (int i = 0; i < rho.rows; i++) max = Math.max(max, rho.re(i, i));
                row.add(Numbers.format(max));
            }
            row.add(Numbers.format(clean(coherence(k))));
            table.row(row);
        }
        return table;
    }

    /** Integration noise below 1e-14 prints as 0. */
    static double clean(double x) {
        return Math.abs(x) < 1e-14 ? 0 : x;
    }

    @Override
    public String toString() {
        return summary();
    }
}
