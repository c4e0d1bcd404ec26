package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.Step;
import org.beable.quantum.CMatrix;
import org.beable.quantum.SystemLayout;

/**
 * An experiment under one setting combination as the model sees it: unitary evolutions, and at
 * each `measure` step a detection whose eigenbasis is the product of the firing detectors'
 * eigenbases (the settings at detection time). Each basis element ("element") is a joint outcome
 * of those detectors, in the default order: lexicographic over the detectors in measuring order,
 * each detector's outcomes in their order.
 *
 * <p>The papers define the model for a complete measurement, every basis element a ray. When a
 * step leaves a system unmeasured, or a detector's observable is degenerate, an element is a
 * projector P_k of higher rank; the construction is then applied to the weights tr(P_k ρ) in
 * place of |α_k|², and the state after detection is P_K ρ P_K / tr(P_K ρ). For complete
 * measurements this is exactly the papers' model (P_K ρ P_K / tr = |K⟩⟨K|).
 */
final class DetectionPlan {

    sealed interface Stage permits Evolution, Detection {}

    /** exp(−iHt), with H and t kept for the master equation. */
    record Evolution(CMatrix hamiltonian, double time, CMatrix unitary) implements Stage {}

    /**
     * One `measure` step: {@code step} counts the experiment's measure steps from 0; {@code slots}
     * the outcome slots that fire in it; per element its outcome per firing slot. A complete
     * basis keeps each element's ket; otherwise each firing slot's projectors, lifted to the whole
     * space, from which an element's projector is the product. Nothing of size (elements × N²) is
     * stored, so large complete bases stay cheap.
     */
    record Detection(int step, int[] slots, int[][] outcomes, CMatrix[] kets, CMatrix[][] slotProjectors) implements Stage {
        int size() {
            return outcomes.length;
        }

        boolean complete() {
            return kets != null;
        }

        /** The projector of an element (built on demand for an incomplete detection). */
        CMatrix projector(int element) {
            if (kets != null) return kets[element].projector();
            CMatrix p = null;
            for (int s = 0; s < slots.length; s++) {
                CMatrix f = slotProjectors[s][outcomes[element][s]];
                p = p == null ? f : p.times(f);
            }
            return p;
        }

        /** tr(P_e ρ): ⟨e|ρ|e⟩ for a complete basis. */
        double weight(int element, CMatrix rho) {
            if (kets == null) return slots.length == 0 ? rho.trace().getReal() : projector(element).traceOfProduct(rho).getReal();
            CMatrix k = kets[element];
            int n = rho.rows;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double ar = k.re(i, 0);
                double ai = -k.im(i, 0);                         // conj(k_i)
                double rowRe = 0;
                double rowIm = 0;
                for (int j = 0; j < n; j++) {
                    double pr = rho.re(i, j);
                    double pi = rho.im(i, j);
                    double br = k.re(j, 0);
                    double bi = k.im(j, 0);
                    rowRe += pr * br - pi * bi;
                    rowIm += pr * bi + pi * br;
                }
                sum += ar * rowRe - ai * rowIm;
            }
            return sum;
        }

        boolean sameBasis(Detection other) {
            return step == other.step && Arrays.equals(slots, other.slots) && Arrays.deepEquals(outcomes, other.outcomes)
                    && Arrays.equals(kets, other.kets) && Arrays.deepEquals(slotProjectors, other.slotProjectors);
        }

        int basisHash() {
            return 31 * (31 * step + Arrays.hashCode(slots)) + (kets != null ? Arrays.hashCode(kets) : Arrays.deepHashCode(slotProjectors));
        }
    }

    final Experiment experiment;
    final int combination;
    final List<Stage> stages;
    final List<Detection> detections;

    private DetectionPlan(Experiment experiment, int combination, List<Stage> stages) {
        this.experiment = experiment;
        this.combination = combination;
        this.stages = List.copyOf(stages);
        List<Detection> ds = new ArrayList<>();
        for (Stage s : stages) if (s instanceof Detection d) ds.add(d);
        this.detections = List.copyOf(ds);
    }

    static DetectionPlan of(Experiment experiment, int combination) {
        SystemLayout layout = experiment.layout();
        OutcomeSpace space = experiment.outcomes(combination);
        List<Stage> stages = new ArrayList<>();
        int slot = 0;
        int measureStep = 0;
        for (Step step : experiment.steps()) {
            if (step instanceof Step.Evolve e) {
                stages.add(new Evolution(e.hamiltonian(), e.time(), e.unitary()));
                continue;
            }
            int[] detectors = ((Step.Measure) step).detectors();
            List<Integer> firing = new ArrayList<>();
            for (int k = 0; k < detectors.length; k++) if (space.fires(slot + k)) firing.add(slot + k);
            stages.add(detection(experiment, combination, layout, measureStep, firing.stream().mapToInt(Integer::intValue).toArray()));
            slot += detectors.length;
            measureStep++;
        }
        return new DetectionPlan(experiment, combination, stages);
    }

    private static Detection detection(Experiment experiment, int combination, SystemLayout layout, int step, int[] slots) {
        int[] slotDetector = experiment.slots();
        Measurement[] measurements = new Measurement[slots.length];
        int elements = 1;
        for (int s = 0; s < slots.length; s++) {
            measurements[s] = experiment.measurement(slotDetector[slots[s]], combination);
            elements = Math.multiplyExact(elements, measurements[s].outcomes());
        }
        int[][] outcomes = new int[elements][slots.length];
        boolean complete = completeBasis(experiment, layout, slots, measurements);
        CMatrix[] kets = complete ? new CMatrix[elements] : null;
        CMatrix[][] lifted = null;
        if (!complete) {
            lifted = new CMatrix[slots.length][];
            for (int s = 0; s < slots.length; s++) {
                int system = experiment.detectors().get(slotDetector[slots[s]]).system();
                lifted[s] = new CMatrix[measurements[s].outcomes()];
                for (int o = 0; o < lifted[s].length; o++) lifted[s][o] = layout.embed(measurements[s].projectors()[o], system);
            }
        }
        for (int e = 0; e < elements; e++) {
            int rest = e;
            for (int s = slots.length - 1; s >= 0; s--) {          // first slot most significant
                outcomes[e][s] = rest % measurements[s].outcomes();
                rest /= measurements[s].outcomes();
            }
            if (complete) kets[e] = ket(experiment, layout, slots, measurements, outcomes[e]);
        }
        return new Detection(step, slots, outcomes, kets, lifted);
    }

    /** Every system measured once in this step, each in a basis (rank-one projectors). */
    private static boolean completeBasis(Experiment experiment, SystemLayout layout, int[] slots, Measurement[] measurements) {
        boolean[] covered = new boolean[layout.size()];
        int[] slotDetector = experiment.slots();
        for (int s = 0; s < slots.length; s++) {
            if (measurements[s].basis() == null) return false;
            covered[experiment.detectors().get(slotDetector[slots[s]]).system()] = true;
        }
        for (boolean c : covered) if (!c) return false;
        return true;
    }

    /** The product ket of one element, factors in the systems' declaration order. */
    private static CMatrix ket(Experiment experiment, SystemLayout layout, int[] slots, Measurement[] measurements, int[] outcome) {
        CMatrix[] factor = new CMatrix[layout.size()];
        int[] slotDetector = experiment.slots();
        for (int s = 0; s < slots.length; s++) {
            factor[experiment.detectors().get(slotDetector[slots[s]]).system()] = measurements[s].basis()[outcome[s]];
        }
        CMatrix ket = factor[0];
        for (int k = 1; k < factor.length; k++) ket = ket.kron(factor[k]);
        return ket;
    }

    /** The detectors read by a detection, in measuring order (for naming basis states). */
    List<Detector> detectors(Detection d) {
        List<Detector> out = new ArrayList<>();
        for (int s : d.slots()) out.add(experiment.slotDetector(s));
        return out;
    }

    /** "the detection of A, B" for messages. */
    String describe(Detection d) {
        List<String> names = new ArrayList<>();
        for (Detector det : detectors(d)) names.add(det.name());
        return names.isEmpty() ? "measure step " + (d.step() + 1) + " (no detector measures)"
                : "the detection of " + String.join(", ", names);
    }

    /** "A=+1, B=-1" for one element of a detection. */
    String label(Detection d, int element) {
        List<String> parts = new ArrayList<>();
        List<Detector> ds = detectors(d);
        for (int k = 0; k < ds.size(); k++) parts.add(ds.get(k).name() + "=" + ds.get(k).outcomeLabels().get(d.outcomes()[element][k]));
        return String.join(", ", parts);
    }

    int dimension() {
        return experiment.layout().dimension();
    }
}
