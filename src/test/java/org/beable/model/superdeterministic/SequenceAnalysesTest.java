package org.beable.model.superdeterministic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.Step;
import org.beable.model.Prediction;
import org.beable.model.QuantumModel;
import org.beable.model.Runner;
import org.beable.model.SampledRun;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/** The tests for a drifting λ find it, and find nothing in independent trials. */
class SequenceAnalysesTest {

    private static Experiment qubit() {
        return Setups.experiment(Setups.layout(2), CMatrix.column(new double[] {1, 0}, null), List.of(new Step.Measure(new int[] {0})),
                List.of(Setups.spin("D", 0, "a", 0)), List.of("a"), List.of(Setups.angles(Math.PI / 2, Math.PI / 3)),
                new SettingChoice.Random(), 200_000);
    }

    @Test
    void driftIsDetectedAndIndependentTrialsAreNot() {
        Experiment e = qubit();
        Runner runner = new Runner(2, Cancellation.none(), null);
        SampledRun fresh = runner.run(e, new SuperdeterministicModel(), 1);
        SampledRun drifting = runner.run(e, new SuperdeterministicModel(1e3, BasisOrder.DEFAULT, new Drift(0.2, UniformLambda.DISK)), 1);
        Prediction born = Prediction.of(e, new QuantumModel());

        Autocorrelation a = Autocorrelation.of(fresh, 0, 4);
        Autocorrelation b = Autocorrelation.of(drifting, 0, 4);
        assertFalse(a.correlated(), a.summary());
        assertTrue(b.correlated() && b.value() > 0.5, b.summary());
        assertEquals(4, b.lags().size());

        RunsTest r = RunsTest.of(fresh, 0);
        RunsTest s = RunsTest.of(drifting, 0);
        assertFalse(r.correlated(), r.summary());
        assertTrue(s.correlated() && s.z() < -50, s.summary());

        BornWindows w = BornWindows.of(fresh, born, 10_000);
        BornWindows v = BornWindows.of(drifting, born, 10_000);
        assertEquals(20, w.windows().size());
        assertTrue(w.pValue() > 1e-4, w.summary());
        assertTrue(v.pValue() < 1e-10, v.summary());
        assertEquals(20, w.table().size());
    }

    @Test
    void centringPerCombinationRemovesWhatTheSettingsExplain() {
        // A deterministic check of the estimator: settings alternate by rule and the qubit is prepared
        // so that a = 0 always gives +1 and a = π always gives −1; centring per combination leaves
        // nothing, so the estimator reports no variance rather than a spurious correlation.
        Experiment e = Setups.experiment(Setups.layout(2), CMatrix.column(new double[] {1, 0}, null),
                List.of(new Step.Measure(new int[] {0})), List.of(Setups.spin("D", 0, "a", 0)), List.of("a"),
                List.of(Setups.angles(0, Math.PI)), new SettingChoice.Rule(t -> (int) (t % 2)), 1000);
        SampledRun run = new Runner(1, Cancellation.none(), null).run(e, new SuperdeterministicModel(), 1);
        Autocorrelation a = Autocorrelation.of(run, 0, 1);
        assertTrue(Double.isNaN(a.value()));
        assertFalse(a.correlated());
    }
}
