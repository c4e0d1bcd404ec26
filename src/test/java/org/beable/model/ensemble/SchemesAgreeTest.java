package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beable.concurrent.Cancellation;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Hermitian;
import org.junit.jupiter.api.Test;

/**
 * The member level (single members, copies one at a time), the class-level event scheme and the
 * class-level midpoint tau-leap simulate the same copy process: over many seeds, the final n_0/N
 * and the deviation D agree in mean and spread; and the tau-leap's own time-step error is far
 * below the N^(−1/2) noise (a four times smaller step changes nothing measurable).
 */
class SchemesAgreeTest {
    private static final int SEEDS = 160;
    private static final long N = 1000;

    private record Sample(double meanFinal, double sdFinal, double meanD) {}

    private static Sample sample(EnsembleModel model, long seedOffset) {
        double[] finals = new double[SEEDS];
        double d = 0;
        for (int s = 0; s < SEEDS; s++) {
            EnsembleHistory h = model.history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 8, 8.0, seedOffset + s, 1, Cancellation.none());
            finals[s] = h.last()[0];
            d += h.deviation() / SEEDS;
        }
        double mean = 0;
        for (double x : finals) mean += x / SEEDS;
        double var = 0;
        for (double x : finals) var += (x - mean) * (x - mean) / (SEEDS - 1);
        return new Sample(mean, Math.sqrt(var), d);
    }

    @Test
    void memberLevelAndBothClassSchemesAgreeStatistically() {
        Sample leap = sample(Fixtures.model("members", N), 0);
        Sample events = sample(Fixtures.model("members", N, "scheme", "events"), 10_000);
        Sample members = sample(Fixtures.model("members", N, "level", "member"), 20_000);
        CMatrix exact = Hermitian.evolution(Fixtures.twoLevelH(), 8).times(Fixtures.twoLevelPsi());
        double born = exact.re(0, 0) * exact.re(0, 0) + exact.im(0, 0) * exact.im(0, 0);
        for (Sample s : new Sample[] {leap, events, members}) {
            // The finite-N mean may differ from Born by O(1/N); the spread is the N^(−1/2) noise.
            assertEquals(born, s.meanFinal, 4 * s.sdFinal / Math.sqrt(SEEDS) + 2.0 / N, "mean final n_0/N " + s);
            assertTrue(s.sdFinal > 0.3 / Math.sqrt(N) && s.sdFinal < 3 / Math.sqrt(N), "spread " + s);
        }
        for (Sample[] pair : new Sample[][] {{leap, events}, {leap, members}, {events, members}}) {
            double se = Math.sqrt((pair[0].sdFinal * pair[0].sdFinal + pair[1].sdFinal * pair[1].sdFinal) / SEEDS);
            assertEquals(pair[0].meanFinal, pair[1].meanFinal, 4 * se, "means " + pair[0] + " vs " + pair[1]);
            assertEquals(1, pair[0].sdFinal / pair[1].sdFinal, 0.3, "spreads " + pair[0] + " vs " + pair[1]);
            assertEquals(1, pair[0].meanD / pair[1].meanD, 0.15, "D " + pair[0] + " vs " + pair[1]);
        }
    }

    @Test
    void aSmallerStepChangesNothingBeyondTheNoise() {
        Sample chosen = sample(Fixtures.model("members", N), 30_000);
        double dt = Fixtures.model("members", N).history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 8, 8.0, 1, 1, Cancellation.none()).dt();
        Sample finer = sample(Fixtures.model("members", N, "dt", dt / 4), 40_000);
        double se = Math.sqrt((chosen.sdFinal * chosen.sdFinal + finer.sdFinal * finer.sdFinal) / SEEDS);
        assertEquals(chosen.meanFinal, finer.meanFinal, 4 * se);
        assertEquals(1, chosen.sdFinal / finer.sdFinal, 0.3);
        assertEquals(1, chosen.meanD / finer.meanD, 0.15);
    }
}
