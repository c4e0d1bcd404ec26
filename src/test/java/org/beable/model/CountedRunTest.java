package org.beable.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.Measurement;
import org.beable.experiment.SettingChoice;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.experiment.Step;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.junit.jupiter.api.Test;

/** A run keeps counts, not trials: its memory does not grow with the trials, and its totals are 64-bit. */
class CountedRunTest {

    /** CHSH on the singlet: a in {0, π/2}, b in {π/4, −π/4}. */
    static Experiment chsh(SettingChoice choice, long trials) {
        double h = Math.sqrt(0.5);
        CMatrix singlet = CMatrix.column(new double[] {0, h, -h, 0}, null).projector();
        Detector.MeasurementRule spin = v -> Measurement.ofBasis(new CMatrix[] {Spin.up(v.number()), Spin.down(v.number())});
        List<Detector> detectors = List.of(
                new Detector("A", 0, "a", spin, List.of("+1", "-1"), new double[] {1, -1}),
                new Detector("B", 1, "b", spin, List.of("+1", "-1"), new double[] {1, -1}));
        SettingSpace settings = new SettingSpace(List.of("a", "b"),
                List.of(List.of(SettingValue.of(0, "0"), SettingValue.of(Math.PI / 2, "pi/2")),
                        List.of(SettingValue.of(Math.PI / 4, "pi/4"), SettingValue.of(-Math.PI / 4, "-pi/4"))));
        return new Experiment("chsh", new SystemLayout(List.of("alice", "bob"), new int[] {2, 2}), singlet,
                List.of(new Step.Measure(new int[] {0, 1})), detectors, settings, choice, trials);
    }

    private static long[][] tally(Experiment e, TrialLog log) {
        long[][] counts = new long[e.combinations()][];
        for (int c = 0; c < counts.length; c++) counts[c] = new long[e.outcomes(c).size()];
        for (int t = 0; t < log.size(); t++) counts[log.combinations()[t]][log.outcomes()[t]]++;
        return counts;
    }

    private static void assertCountsAreTheListedTrials(Experiment e, OntologicalModel model) {
        SampledRun run = new Runner(2, Cancellation.none(), null).run(e, model, 77);
        TrialLog listed = new Runner(1, Cancellation.none(), null).record(e, model, 77);
        long[][] expected = tally(e, listed);
        for (int c = 0; c < e.combinations(); c++) assertArrayEquals(expected[c], run.counts(c), "combination " + c);
        assertEquals(listed.size(), run.size());
        assertFalse(run.keepsTrials());
        TrialLog replayed = run.trials();
        assertArrayEquals(listed.combinations(), replayed.combinations());
        assertArrayEquals(listed.outcomes(), replayed.outcomes());
        assertSame(replayed, run.trials(), "a replay is kept (softly) while it is in use");
    }

    @Test
    void countsAreTheTrialsARecordingListsForEveryChoiceOfSettings() {
        OntologicalModel quantum = new QuantumModel();
        assertCountsAreTheListedTrials(chsh(new SettingChoice.All(), 200_003), quantum);
        assertCountsAreTheListedTrials(chsh(new SettingChoice.Random(), 300_001), quantum);
        assertCountsAreTheListedTrials(chsh(new SettingChoice.Rule(t -> (int) (t * 7 % 4)), 150_000), quantum);
    }

    @Test
    void countsAreTheTrialsOfASamplerWithoutADistribution() {
        // a λ drawn per trial, then the response: the sampler's own sampleInto feeds the counts
        QuantumModel quantum = new QuantumModel();
        OntologicalModel drawn = new OntologicalModel() {
            @Override public String name() { return "drawn"; }
            @Override public List<String> beables() { return List.of(); }
            @Override public Beables sampleHidden(Experiment e, int c, org.apache.commons.rng.UniformRandomProvider rng) { return null; }
            @Override public double[] response(Experiment e, int c, Beables hidden) { return quantum.predict(e, c).orElseThrow(); }
        };
        assertCountsAreTheListedTrials(chsh(new SettingChoice.All(), 100_000), drawn);
    }

    @Test
    void aCountedRunAllocatesNothingPerTrial() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Experiment e = chsh(new SettingChoice.All(), 1 << 23);            // 2^25 trials: 256 MB as two int arrays
        Runner oneThread = new Runner(1, Cancellation.none(), null);      // every allocation on this thread
        oneThread.run(chsh(new SettingChoice.All(), 1), new QuantumModel(), 1);   // load the classes first
        long before = bean.getCurrentThreadAllocatedBytes();
        SampledRun run = oneThread.run(e, new QuantumModel(), 5);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertEquals(4L << 23, run.size());
        assertTrue(allocated < 8 << 20, "a counted run of 2^25 trials allocated " + allocated + " bytes");
    }

    @Test
    void totalsAreSixtyFourBit() {
        long billion = 1_000_000_000L;
        assertEquals(4 * billion, Runner.totalTrials(chsh(new SettingChoice.All(), billion)));
        assertEquals(Long.MAX_VALUE, Runner.totalTrials(chsh(new SettingChoice.All(), Long.MAX_VALUE / 2)));
        Experiment e = chsh(new SettingChoice.All(), billion);
        long[][] counts = {{billion, 2 * billion, 0, 0}, {3 * billion, 0, 0, 1}, {0, 0, 0, 4}, {1, 1, 1, 1}};
        SampledRun run = SampledRun.counted(e, "made up", 0, counts, () -> { throw new AssertionError("no replay expected"); });
        assertEquals(6 * billion + 9, run.size());
        assertEquals(3 * billion + 1, run.trials(1));
        assertEquals(2.0 / 3, run.probabilities(0)[1], 1e-15);
        assertThrows(IllegalArgumentException.class, run::trials, "more trials than one array can list");
    }

    @Test
    void aChunkedCountPassesTwoToTheThirtyOneTrials() {
        long n = (3L << 30) + 5;                                          // past Integer.MAX_VALUE
        long[] counts = new ChunkedRunner(2, Cancellation.none())
                .count(n, 1, 2, 2, (chunk, from, to, rng, k) -> { k[0] += to - from; k[1]++; });
        assertEquals(n, counts[0]);
        assertEquals(ChunkedRunner.chunks(n), counts[1]);
    }
}
