package org.beable.experiment;

import java.util.ArrayList;
import java.util.List;
import org.beable.quantum.CMatrix;
import org.beable.quantum.DenseLimit;
import org.beable.quantum.SystemLayout;

/**
 * A complete experiment: systems, the prepared state (a density matrix), the steps of a trial,
 * the detectors, the settings and how they are chosen, and the number of trials. Immutable;
 * every measurement for every setting value is resolved when it is built, so models may read
 * it from many threads.
 */
public final class Experiment {
    private final String name;
    private final SystemLayout layout;
    private volatile CMatrix preparedState;    // for a pure preparation, made from the ket on first request
    private final CMatrix preparedKet;          // the same state as a ket, when it was prepared pure; else null
    private final DenseLimit denseLimit;        // dense matrices made on request (ρ, lifted projectors) stay within it
    private final List<Step> steps;
    private final List<Detector> detectors;
    private final SettingSpace settings;
    private final SettingChoice choice;
    private final long trials;
    private final int[] slots;                 // detector index of each outcome slot, in measuring order
    private final int[] detectorSetting;       // index in settings of each detector's setting, or -1
    private final Measurement[][] measurements; // [detector][value index of its setting]
    private final OutcomeSpace[] outcomeSpaces;
    /** [combination][slot][outcome]: projectors lifted to the whole space, made on first use. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<CMatrix[][]> lifted;

    public Experiment(String name, SystemLayout layout, CMatrix preparedState, List<Step> steps,
                      List<Detector> detectors, SettingSpace settings, SettingChoice choice, long trials) {
        this(name, layout, preparedState, null, steps, detectors, settings, choice, trials);
    }

    /** With the prepared state also as a ket (|ψ⟩⟨ψ| = preparedState), so models can work on vectors. */
    public Experiment(String name, SystemLayout layout, CMatrix preparedState, CMatrix preparedKet, List<Step> steps,
                      List<Detector> detectors, SettingSpace settings, SettingChoice choice, long trials) {
        this(name, layout, preparedState, preparedKet, steps, detectors, settings, choice, trials, DenseLimit.NONE);
    }

    /**
     * With the session's limit on dense matrices. A pure preparation may leave
     * {@code preparedState} null: its density matrix is then made only if a model asks for it,
     * and like every dense matrix made on request (lifted projectors) it is refused over
     * {@code denseLimit}.
     */
    public Experiment(String name, SystemLayout layout, CMatrix preparedState, CMatrix preparedKet, List<Step> steps,
                      List<Detector> detectors, SettingSpace settings, SettingChoice choice, long trials, DenseLimit denseLimit) {
        this.name = name;
        this.layout = layout;
        this.preparedState = preparedState;
        this.preparedKet = preparedKet;
        this.denseLimit = denseLimit;
        this.steps = List.copyOf(steps);
        this.detectors = List.copyOf(detectors);
        this.settings = settings;
        this.choice = choice;
        this.trials = trials;
        this.slots = measuredInOrder(this.steps);
        this.detectorSetting = new int[this.detectors.size()];
        this.measurements = new Measurement[this.detectors.size()][];
        for (int d = 0; d < this.detectors.size(); d++) {
            Detector detector = this.detectors.get(d);
            int s = detector.hasSetting() ? settings.indexOf(detector.setting()) : -1;
            detectorSetting[d] = s;
            List<SettingValue> values = s < 0 ? List.of(SettingValue.named("")) : settings.values(s);
            measurements[d] = new Measurement[values.size()];
            for (int v = 0; v < values.size(); v++) {
                if (!values.get(v).none()) measurements[d][v] = detector.rule().measurementFor(values.get(v));
            }
        }
        this.lifted = new java.util.concurrent.atomic.AtomicReferenceArray<>(settings.combinations());
        this.outcomeSpaces = new OutcomeSpace[settings.combinations()];
        for (int c = 0; c < outcomeSpaces.length; c++) outcomeSpaces[c] = outcomeSpaceOf(c);
    }

    private static int[] measuredInOrder(List<Step> steps) {
        List<Integer> order = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Measure m) for (int d : m.detectors()) order.add(d);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private OutcomeSpace outcomeSpaceOf(int combination) {
        int[] radix = new int[slots.length];
        boolean[] fires = new boolean[slots.length];
        for (int slot = 0; slot < slots.length; slot++) {
            Measurement m = measurement(slots[slot], combination);
            fires[slot] = m != null;
            radix[slot] = m == null ? 1 : m.outcomes();
        }
        return new OutcomeSpace(radix, fires);
    }

    public String name() { return name; }
    public SystemLayout layout() { return layout; }

    /**
     * The prepared state as a density matrix; for a pure preparation made on the first call.
     *
     * @throws DenseLimit.Exceeded when it would be over the experiment's dense limit
     */
    public CMatrix preparedState() {
        CMatrix rho = preparedState;
        if (rho == null) {
            denseLimit.check(layout.dimension(), "the prepared state as a density matrix");
            rho = preparedKet.projector();     // a race makes two equal matrices; either may stay
            preparedState = rho;
        }
        return rho;
    }

    /** The largest dense matrix the models may make for this experiment (the session's --max-dim). */
    public DenseLimit denseLimit() { return denseLimit; }

    /** The prepared state as a ket, or empty when it was prepared as a mixed (or unknown-purity) density matrix. */
    public java.util.Optional<CMatrix> preparedKet() { return java.util.Optional.ofNullable(preparedKet); }
    public List<Step> steps() { return steps; }
    public List<Detector> detectors() { return detectors; }
    public SettingSpace settings() { return settings; }
    public SettingChoice choice() { return choice; }
    public long trials() { return trials; }
    public int combinations() { return settings.combinations(); }

    /** Detector index of each outcome slot. */
    public int[] slots() { return slots.clone(); }
    public int slotCount() { return slots.length; }
    public Detector slotDetector(int slot) { return detectors.get(slots[slot]); }

    /** The outcome slot of a detector, or -1 if it is never measured. */
    public int slotOf(String detectorName) {
        for (int slot = 0; slot < slots.length; slot++) if (detectors.get(slots[slot]).name().equals(detectorName)) return slot;
        return -1;
    }

    /** Index in settings() of a detector's setting, or -1 for a detector without one. */
    public int settingOf(int detector) { return detectorSetting[detector]; }

    /** The measurement a detector makes under a combination, or null if its setting is none. */
    public Measurement measurement(int detector, int combination) {
        int s = detectorSetting[detector];
        int v = s < 0 ? 0 : settings.decode(combination)[s];
        return measurements[detector][v];
    }

    public OutcomeSpace outcomes(int combination) { return outcomeSpaces[combination]; }

    /**
     * Each slot's projectors under a combination, lifted to the whole space (null for a slot whose
     * setting is none). Computed once per combination; safe to call from several threads.
     */
    public CMatrix[][] liftedProjectors(int combination) {
        CMatrix[][] known = lifted.get(combination);
        if (known == null) {
            denseLimit.check(layout.dimension(), "a detector's projectors on the whole space");
            CMatrix[][] byslot = new CMatrix[slots.length][];
            for (int slot = 0; slot < slots.length; slot++) {
                Measurement m = measurement(slots[slot], combination);
                if (m == null) continue;
                int system = detectors.get(slots[slot]).system();
                byslot[slot] = new CMatrix[m.outcomes()];
                for (int k = 0; k < m.outcomes(); k++) byslot[slot][k] = layout.embed(m.projectors()[k], system);
            }
            lifted.compareAndSet(combination, null, byslot);   // a race computes the same value twice, harmlessly
            known = lifted.get(combination);
        }
        return known;
    }

    /** "A=+1, B=-1" for a joint outcome of a combination. */
    public String describeOutcome(int combination, int joint) {
        int[] outcome = outcomeSpaces[combination].decode(joint);
        List<String> parts = new ArrayList<>();
        for (int slot = 0; slot < slots.length; slot++) {
            Detector d = detectors.get(slots[slot]);
            parts.add(d.name() + "=" + (outcome[slot] == OutcomeSpace.NO_OUTCOME ? "none" : d.outcomeLabels().get(outcome[slot])));
        }
        return String.join(", ", parts);
    }
}
