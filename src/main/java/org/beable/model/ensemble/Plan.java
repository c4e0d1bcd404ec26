package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;
import org.beable.quantum.SystemLayout;

/**
 * What an ensemble does in an experiment: the prepared ket, the `evolve` steps before the
 * measurement, and per setting combination the basis change the measurement needs and how a
 * member's final value reads as a joint outcome.
 *
 * <p>The beable basis is the computational basis of the declared systems (joint levels, first
 * system most significant). Detectors in the measure step act on different systems, so the
 * measured kets of the whole space are tensor products of each detector's kets (the identity on
 * systems nobody measures or whose setting is `none`).
 */
final class Plan {
    final Experiment experiment;
    final CMatrix psi;
    final CMatrix firstHamiltonian;
    final List<Segment> evolution;
    final List<List<Segment>> schedules;
    final int[][] readouts;

    private Plan(Experiment experiment, CMatrix psi, CMatrix firstHamiltonian, List<Segment> evolution,
                 List<List<Segment>> schedules, int[][] readouts) {
        this.experiment = experiment;
        this.psi = psi;
        this.firstHamiltonian = firstHamiltonian;
        this.evolution = evolution;
        this.schedules = schedules;
        this.readouts = readouts;
    }

    static Plan of(Experiment e) {
        CMatrix psi = Preparation.pureKet(e.preparedState());
        List<Segment> evolution = new ArrayList<>();
        Step.Measure measure = null;
        int evolveCount = 0;
        for (Step step : e.steps()) {
            if (step instanceof Step.Evolve evolve) {
                evolveCount++;
                if (measure != null) continue;          // after the reading: it cannot change an outcome
                if (evolve.time() < 0) {
                    throw new IllegalArgumentException("evolve step " + evolveCount + " of experiment '" + e.name()
                            + "' runs for a negative time " + evolve.time() + "; copy dynamics only runs forward");
                }
                evolution.add(Segment.of(evolve.hamiltonian(), evolve.time(),
                        "the Hamiltonian of evolve step " + evolveCount + " of experiment '" + e.name() + "'"));
            } else if (measure != null) {
                throw new IllegalArgumentException("experiment '" + e.name() + "' measures in more than one step, but under the"
                        + " ensemble model each member is read once, at the end; put every detector in one `measure` line");
            } else {
                measure = (Step.Measure) step;
            }
        }
        CMatrix first = evolution.isEmpty() ? null : evolution.get(0).hamiltonian();
        CMatrix measuredState = psi;
        for (Step step : e.steps()) {
            if (step instanceof Step.Measure) break;
            measuredState = ((Step.Evolve) step).unitary().times(measuredState);
        }
        int combinations = e.combinations();
        List<List<Segment>> schedules = new ArrayList<>();
        int[][] readouts = new int[combinations][];
        for (int c = 0; c < combinations; c++) {
            Measured measured = measured(e, measure, c);
            BasisChange.Result change = BasisChange.of(measured.kets, measuredState, "the measurement of experiment '" + e.name() + "'");
            List<Segment> schedule = new ArrayList<>(evolution);
            schedule.addAll(change.stages());
            schedules.add(List.copyOf(schedule));
            int[] readout = new int[psi.rows];
            for (int a = 0; a < readout.length; a++) readout[a] = measured.outcomeOfKet[change.kets()[a]];
            readouts[c] = readout;
        }
        return new Plan(e, psi, first, List.copyOf(evolution), List.copyOf(schedules), readouts);
    }

    /** The measured kets of the whole space as matrix columns, and the joint outcome each stands for. */
    private record Measured(CMatrix kets, int[] outcomeOfKet) {}

    private static Measured measured(Experiment e, Step.Measure measure, int combination) {
        SystemLayout layout = e.layout();
        int systems = layout.size();
        CMatrix[] local = new CMatrix[systems];
        int[][] localOutcome = new int[systems][];
        int[] slotOfSystem = new int[systems];
        java.util.Arrays.fill(slotOfSystem, -1);
        int[] slots = e.slots();
        if (measure != null) {
            for (int d : measure.detectors()) {
                Detector detector = e.detectors().get(d);
                Measurement m = e.measurement(d, combination);
                for (int slot = 0; slot < slots.length; slot++) if (slots[slot] == d) slotOfSystem[detector.system()] = slot;
                if (m == null) continue;                 // setting `none`: the system is not read
                Kets kets = kets(m, layout.dim(detector.system()));
                local[detector.system()] = kets.matrix;
                localOutcome[detector.system()] = kets.outcome;
            }
        }
        CMatrix whole = null;
        for (int s = 0; s < systems; s++) {
            int d = layout.dim(s);
            CMatrix factor = local[s] != null ? local[s] : CMatrix.identity(d);
            whole = whole == null ? factor : whole.kron(factor);
        }
        OutcomeSpace space = e.outcomes(combination);
        int[] dims = layout.dims();
        int[] outcome = new int[whole.cols];
        int[] perSlot = new int[space.slots()];
        for (int k = 0; k < whole.cols; k++) {
            int rest = k;
            java.util.Arrays.fill(perSlot, 0);
            for (int s = systems - 1; s >= 0; s--) {
                int level = rest % dims[s];
                rest /= dims[s];
                if (slotOfSystem[s] >= 0 && localOutcome[s] != null) perSlot[slotOfSystem[s]] = localOutcome[s][level];
            }
            outcome[k] = space.encode(perSlot);
        }
        return new Measured(whole, outcome);
    }

    private record Kets(CMatrix matrix, int[] outcome) {}

    /** A detector's kets as columns: its basis, or for a degenerate observable an orthonormal basis of each eigenspace. */
    private static Kets kets(Measurement m, int dimension) {
        List<CMatrix> columns = new ArrayList<>();
        List<Integer> outcomes = new ArrayList<>();
        if (m.basis() != null) {
            for (int k = 0; k < m.basis().length; k++) {
                columns.add(m.basis()[k]);
                outcomes.add(k);
            }
        } else {
            for (int k = 0; k < m.outcomes(); k++) {
                Eigen eigen = Hermitian.decompose(m.projectors()[k]);
                for (int j = 0; j < dimension; j++) {
                    if (eigen.value(j) > 0.5) {
                        columns.add(eigen.vector(j));
                        outcomes.add(k);
                    }
                }
            }
        }
        if (columns.size() != dimension) {
            throw new IllegalArgumentException("a detector's outcomes do not span its system (" + columns.size() + " kets for dimension "
                    + dimension + ")");
        }
        double[] re = new double[dimension * dimension];
        double[] im = new double[dimension * dimension];
        for (int k = 0; k < dimension; k++) {
            CMatrix ket = columns.get(k);
            for (int a = 0; a < dimension; a++) {
                re[a * dimension + k] = ket.re(a, 0);
                im[a * dimension + k] = ket.im(a, 0);
            }
        }
        return new Kets(CMatrix.wrap(dimension, dimension, re, im), outcomes.stream().mapToInt(Integer::intValue).toArray());
    }

    int size() {
        return psi.rows;
    }
}
