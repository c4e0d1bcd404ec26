package org.beable.model;

import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.KrylovEvolution;
import org.beable.quantum.LocalOperator;

/**
 * {@link BornRule} for an experiment prepared in a pure state, carried as kets: each branch of
 * outcomes holds the unnormalised ket {@code P_k … U P_j U ψ}, and its probability is the squared
 * norm at the end. A ket has n entries where a density matrix has n², evolution is a Krylov
 * product on large spaces ({@link Step.Evolve#applyTo}), and a projector acts on its own system
 * alone ({@link LocalOperator}), so a dozen qubits cost megabytes, not gigabytes.
 *
 * <p>Only unitary evolution keeps a pure state pure: models with their own (open-system) step
 * maps use {@link BornRule} on density matrices.
 */
public final class PureBornRule {
    private PureBornRule() {}

    /**
     * Whether the quantum model should take this route for a pure preparation: above 32
     * dimensions, where Lanczos steps take over from the unitary. Smaller experiments keep the
     * density matrices every result on a few qubits was computed with, so their digits (down to
     * a 6.7e-16 that prints as such) never change.
     */
    public static boolean preferredFor(Experiment experiment) {
        return KrylovEvolution.preferredFor(experiment.layout().dimension());
    }

    /** The joint outcome distribution of one setting combination, from the prepared ket. */
    public static double[] distribution(Experiment experiment, int combination, CMatrix ket) {
        OutcomeSpace space = experiment.outcomes(combination);
        double[] p = new double[space.size()];
        new Branches(experiment, combination, p).branch(ket, 0, 0, 0);
        return p;
    }

    /** The walk down the tree of outcomes for one combination, adding each leaf's probability to p. */
    private static final class Branches {
        private final Experiment experiment;
        private final LocalOperator[][] projectors;   // [slot][outcome], null for a slot whose setting is none
        private final double[] p;

        Branches(Experiment experiment, int combination, double[] p) {
            this.experiment = experiment;
            this.p = p;
            int[] slots = experiment.slots();
            projectors = new LocalOperator[slots.length][];
            for (int slot = 0; slot < slots.length; slot++) {
                Measurement m = experiment.measurement(slots[slot], combination);
                if (m == null) continue;
                int system = experiment.detectors().get(slots[slot]).system();
                projectors[slot] = new LocalOperator[m.outcomes()];
                for (int k = 0; k < m.outcomes(); k++) projectors[slot][k] = new LocalOperator(experiment.layout(), system, m.projectors()[k]);
            }
        }

        void branch(CMatrix psi, int stepIndex, int slot, int joint) {
            double weight = normSquared(psi);
            if (stepIndex == experiment.steps().size()) {
                p[joint] += weight;
                return;
            }
            if (weight <= 0) return;    // an impossible branch: its outcomes keep probability 0
            Step step = experiment.steps().get(stepIndex);
            if (step instanceof Step.Evolve evolve) {
                branch(evolve.applyTo(psi), stepIndex + 1, slot, joint);
            } else {
                measureTogether(psi, stepIndex, slot, 0, ((Step.Measure) step).detectors().length, joint);
            }
        }

        /** Detectors in one measure step act on different systems, so they commute: project one slot at a time. */
        private void measureTogether(CMatrix psi, int stepIndex, int slot, int done, int count, int joint) {
            if (done == count) {
                branch(psi, stepIndex + 1, slot, joint);
                return;
            }
            LocalOperator[] ps = projectors[slot];
            if (ps == null) {
                measureTogether(psi, stepIndex, slot + 1, done + 1, count, joint);
                return;
            }
            for (int k = 0; k < ps.length; k++) {
                measureTogether(ps[k].apply(psi), stepIndex, slot + 1, done + 1, count, joint * ps.length + k);
            }
        }

        private static double normSquared(CMatrix psi) {
            return psi.inner(psi).getReal();
        }
    }
}
