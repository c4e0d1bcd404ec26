package org.beable.model.grw;

import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;

/**
 * The non-linear formulation run through an experiment's steps: at each detector the weights
 * ‖P_k ψ‖² decide (a known coin breaks a tie, or picks from the cumulative weights under the
 * Born rule), and the state collapses. An unknown coin branches: H and T with ½ each (toy), or
 * each outcome with its weight (born); the branches' weights land in the joint distribution.
 */
final class NonlinearWalk {
    private static final double TIE = 1e-12;

    private final Experiment experiment;
    private final CoinRule rule;
    private final double[] coins;
    private final boolean[] known;
    private final double[] distribution;
    private final CMatrix[][] projectors;
    private final OutcomeSpace space;

    NonlinearWalk(Experiment experiment, int combination, CoinRule rule, double[] coins, boolean[] known, double[] distribution) {
        this.experiment = experiment;
        this.rule = rule;
        this.coins = coins;
        this.known = known;
        this.distribution = distribution;
        this.projectors = experiment.liftedProjectors(combination);
        this.space = experiment.outcomes(combination);
    }

    void from(CMatrix state) {
        step(state, 0, 0, new int[experiment.slotCount()], 1.0);
    }

    private void step(CMatrix rho, int step, int slot, int[] outcomes, double weight) {
        if (step == experiment.steps().size()) {
            distribution[space.encode(outcomes)] += weight;
            return;
        }
        Step s = experiment.steps().get(step);
        if (s instanceof Step.Evolve evolve) {
            CMatrix u = evolve.unitary();
            step(rho.isColumn() ? u.times(rho) : u.times(rho).times(u.adjoint()), step + 1, slot, outcomes, weight);
        } else {
            detector(rho, step, slot, ((Step.Measure) s).detectors().length, outcomes, weight);
        }
    }

    /** The next detector of a measure step; `remaining` counts those still to fire in it. */
    private void detector(CMatrix rho, int step, int slot, int remaining, int[] outcomes, double weight) {
        if (remaining == 0) {
            step(rho, step + 1, slot, outcomes, weight);
            return;
        }
        CMatrix[] ps = projectors[slot];
        if (ps == null) {                              // setting none: nothing happens here
            outcomes[slot] = 0;
            detector(rho, step, slot + 1, remaining - 1, outcomes, weight);
            return;
        }
        double[] w = new double[ps.length];
        CMatrix[] projected = new CMatrix[ps.length];
        for (int k = 0; k < ps.length; k++) {
            if (rho.isColumn()) {
                projected[k] = ps[k].times(rho);
                w[k] = projected[k].norm() * projected[k].norm();
            } else {
                w[k] = Math.max(0, ps[k].traceOfProduct(rho).getReal());
            }
        }
        if (known[slot]) {
            follow(rho, step, slot, remaining, outcomes, weight, ps, projected, w, choose(w, coins[slot]));
        } else if (rule == CoinRule.TOY) {
            follow(rho, step, slot, remaining, outcomes, weight / 2, ps, projected, w, choose(w, 0));
            follow(rho, step, slot, remaining, outcomes, weight / 2, ps, projected, w, choose(w, 1));
        } else {
            for (int k = 0; k < w.length; k++) {
                if (w[k] > 0) follow(rho, step, slot, remaining, outcomes, weight * w[k], ps, projected, w, k);
            }
        }
    }

    private void follow(CMatrix rho, int step, int slot, int remaining, int[] outcomes, double weight,
                        CMatrix[] ps, CMatrix[] projected, double[] w, int k) {
        if (w[k] <= 0) return;   // every weight zero: an impossible branch
        outcomes[slot] = k;
        CMatrix collapsed = rho.isColumn() ? projected[k].scale(1 / Math.sqrt(w[k])) : ps[k].times(rho).times(ps[k]).scale(1 / w[k]);
        detector(collapsed, step, slot + 1, remaining - 1, outcomes.clone(), weight);
    }

    /** The outcome a coin gives with these weights. */
    private int choose(double[] w, double coin) {
        if (rule == CoinRule.TOY) {
            if (w.length != 2) throw new IllegalArgumentException("grw: the toy rule decides between two outcomes; use rule = born");
            if (Math.abs(w[0] - w[1]) <= TIE) return coin == 0 ? 0 : 1;     // the tie-breaker: H → up, T → down
            return w[0] > w[1] ? 0 : 1;
        }
        double cumulative = 0;
        int last = 0;
        for (int k = 0; k < w.length; k++) {
            if (w[k] <= 0) continue;
            cumulative += w[k];
            last = k;
            if (coin < cumulative) return k;
        }
        return last;
    }
}
