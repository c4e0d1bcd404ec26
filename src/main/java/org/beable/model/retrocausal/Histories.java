package org.beable.model.retrocausal;

import java.util.List;
import org.beable.experiment.Experiment;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.StreamIds;

/**
 * Whole histories of the retrocausal model, kept: for each trial its setting combination, each
 * slot's outcome index (NO_OUTCOME where the detector does not measure), each spin's initial
 * direction, and the anomalous rotation ending at each slot. This is the ontic level the paper
 * argues about: for γ much smaller than the angle between the settings, s lines up with one of
 * the future settings.
 *
 * <p>Drawn exactly as `run` draws them (the same plan, one stream per combination and chunk),
 * so with the same seed the outcomes here are the outcomes of `run`, and the numbers do not
 * depend on the thread count.
 *
 * @param outcome   [slot][trial]
 * @param start     [spin][trial]
 * @param rotation  [slot][trial]
 * @param freeStart whether the source leaves the initial direction free (s is then start[0])
 */
public record Histories(Experiment experiment, String model, long seed, int[] combination, int[][] outcome,
                        double[][] start, double[][] rotation, boolean freeStart) {

    /** At most this many histories in one call (each keeps a few numbers per slot). */
    public static final long LIMIT = 5_000_000;

    public static Histories sample(RetrocausalModel model, Experiment experiment, int perCombination, long seed, ChunkedRunner runner) {
        int combinations = experiment.combinations();
        long total = (long) perCombination * combinations;
        if (perCombination < 1) throw new IllegalArgumentException("the number of histories must be at least 1");
        if (total > LIMIT) {
            throw new IllegalArgumentException(total + " histories are more than the " + LIMIT + " one call keeps; ask for fewer");
        }
        SpinExperiment spins = model.spins(experiment);
        int n = (int) total;
        int slots = spins.slots();
        int[] combination = new int[n];
        int[][] outcome = new int[slots][n];
        double[][] start = new double[spins.particles][n];
        double[][] rotation = new double[slots][n];
        for (int c = 0; c < combinations; c++) {
            final int at = c;
            final int offset = c * perCombination;
            java.util.Arrays.fill(combination, offset, offset + perCombination, c);
            runner.run(perCombination, seed, StreamIds.combination(c), (chunk, from, to, rng) -> {
                double[] s = new double[spins.particles];
                double[] r = new double[slots];
                int[] o = new int[slots];
                for (int t = offset + (int) from; t < offset + to; t++) {
                    model.drawHistory(experiment, at, rng, s, r, o);
                    for (int p = 0; p < s.length; p++) start[p][t] = s[p];
                    for (int k = 0; k < slots; k++) {
                        outcome[k][t] = o[k];
                        rotation[k][t] = r[k];
                    }
                }
            });
        }
        return new Histories(experiment, model.name(), seed, combination, outcome, start, rotation, spins.hasFree);
    }

    public int size() {
        return combination.length;
    }

    /** The detector of each slot, by name. */
    public List<String> detectors() {
        List<String> names = new java.util.ArrayList<>();
        for (int slot = 0; slot < experiment.slotCount(); slot++) names.add(experiment.slotDetector(slot).name());
        return names;
    }
}
