package org.beable.model;

import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;

/**
 * The joint Born distribution of an experiment's outcomes for one setting combination, with
 * Lüders updates between measurements in sequence. The state is carried unnormalised down each
 * branch of outcomes; a branch's probability is its trace at the end.
 *
 * <p>What an `evolve` step does is a parameter: quantum mechanics applies the step's unitary,
 * an open-system model its own (linear, trace-preserving) map. Linearity is what lets the map
 * act on the unnormalised branch states.
 */
public final class BornRule {
    private BornRule() {}

    /** How a state changes during one `evolve` step of the experiment. */
    @FunctionalInterface
    public interface StepEvolution {
        /** Must be linear in rho and preserve its trace, since rho is a branch's unnormalised state. */
        CMatrix evolve(Step.Evolve step, CMatrix rho);

        /** ρ → U ρ U† with the step's unitary: standard quantum mechanics. */
        StepEvolution UNITARY = (step, rho) -> step.unitary().times(rho).times(step.unitary().adjoint());
    }

    public static double[] distribution(Experiment experiment, int combination, CMatrix state) {
        return distribution(experiment, combination, state, StepEvolution.UNITARY);
    }

    /** The distribution when `evolve` steps act on the state as {@code evolution} says. */
    public static double[] distribution(Experiment experiment, int combination, CMatrix state, StepEvolution evolution) {
        OutcomeSpace space = experiment.outcomes(combination);
        double[] p = new double[space.size()];
        CMatrix[][] projectors = experiment.liftedProjectors(combination);
        branch(experiment, evolution, state, 0, 0, 0, projectors, p);
        return p;
    }

    private static void branch(Experiment experiment, StepEvolution evolution, CMatrix rho, int stepIndex, int slot,
                               int joint, CMatrix[][] projectors, double[] p) {
        if (stepIndex == experiment.steps().size()) {
            p[joint] += Math.max(0, rho.trace().getReal());
            return;
        }
        if (rho.trace().getReal() <= 0) return;    // an impossible branch: its outcomes keep probability 0
        Step step = experiment.steps().get(stepIndex);
        if (step instanceof Step.Evolve evolve) {
            branch(experiment, evolution, evolution.evolve(evolve, rho), stepIndex + 1, slot, joint, projectors, p);
        } else {
            measureTogether(experiment, evolution, rho, stepIndex, slot, 0, ((Step.Measure) step).detectors().length, joint,
                    projectors, p);
        }
    }

    /** Detectors in one measure step commute (different systems): project one slot at a time. */
    private static void measureTogether(Experiment experiment, StepEvolution evolution, CMatrix rho, int stepIndex, int slot,
                                        int done, int count, int joint, CMatrix[][] projectors, double[] p) {
        if (done == count) {
            branch(experiment, evolution, rho, stepIndex + 1, slot, joint, projectors, p);
            return;
        }
        CMatrix[] ps = projectors[slot];
        if (ps == null) {
            measureTogether(experiment, evolution, rho, stepIndex, slot + 1, done + 1, count, joint, projectors, p);
            return;
        }
        for (int k = 0; k < ps.length; k++) {
            CMatrix projected = ps[k].times(rho).times(ps[k]);
            measureTogether(experiment, evolution, projected, stepIndex, slot + 1, done + 1, count, joint * ps.length + k, projectors, p);
        }
    }
}
