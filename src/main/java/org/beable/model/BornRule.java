package org.beable.model;

import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;

/**
 * The joint Born distribution of an experiment's outcomes for one setting combination, with
 * Lüders updates between measurements in sequence. The state is carried unnormalised down each
 * branch of outcomes; a branch's probability is its trace at the end.
 */
public final class BornRule {
    private BornRule() {}

    public static double[] distribution(Experiment experiment, int combination, CMatrix state) {
        OutcomeSpace space = experiment.outcomes(combination);
        double[] p = new double[space.size()];
        CMatrix[][] projectors = experiment.liftedProjectors(combination);
        branch(experiment, state, 0, 0, 0, projectors, p);
        return p;
    }

    private static void branch(Experiment experiment, CMatrix rho, int stepIndex, int slot, int joint,
                               CMatrix[][] projectors, double[] p) {
        if (stepIndex == experiment.steps().size()) {
            p[joint] += Math.max(0, rho.trace().getReal());
            return;
        }
        if (rho.trace().getReal() <= 0) return;    // an impossible branch: its outcomes keep probability 0
        Step step = experiment.steps().get(stepIndex);
        if (step instanceof Step.Evolve evolve) {
            CMatrix u = evolve.unitary();
            branch(experiment, u.times(rho).times(u.adjoint()), stepIndex + 1, slot, joint, projectors, p);
        } else {
            measureTogether(experiment, rho, stepIndex, slot, 0, ((Step.Measure) step).detectors().length, joint,
                    projectors, p);
        }
    }

    /** Detectors in one measure step commute (different systems): project one slot at a time. */
    private static void measureTogether(Experiment experiment, CMatrix rho, int stepIndex, int slot, int done, int count,
                                        int joint, CMatrix[][] projectors, double[] p) {
        if (done == count) {
            branch(experiment, rho, stepIndex + 1, slot, joint, projectors, p);
            return;
        }
        CMatrix[] ps = projectors[slot];
        if (ps == null) {
            measureTogether(experiment, rho, stepIndex, slot + 1, done + 1, count, joint, projectors, p);
            return;
        }
        for (int k = 0; k < ps.length; k++) {
            CMatrix projected = ps[k].times(rho).times(ps[k]);
            measureTogether(experiment, projected, stepIndex, slot + 1, done + 1, count, joint * ps.length + k, projectors, p);
        }
    }
}
