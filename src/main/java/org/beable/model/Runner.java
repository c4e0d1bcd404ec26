package org.beable.model;

import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.StreamIds;

/**
 * Runs an experiment under a model: seeded, chunked, on all cores, and identical for any
 * thread count because every chunk draws from its own stream derived from (seed, stream, chunk).
 */
public final class Runner {
    /** Stream ids below this are setting combinations; the choice of combinations uses its own. */

    private final int threads;
    private final Cancellation cancellation;
    private final LongConsumer progress;

    public Runner(int threads, Cancellation cancellation, LongConsumer progress) {
        this.threads = threads;
        this.cancellation = cancellation;
        this.progress = progress;
    }

    /** Total trials a run of this experiment makes, for limits and progress bars. */
    public static long totalTrials(Experiment experiment) {
        return experiment.choice() instanceof SettingChoice.All
                ? experiment.trials() * experiment.combinations()
                : experiment.trials();
    }

    public SampledRun run(Experiment experiment, OntologicalModel model, long seed) {
        java.util.Optional<SampledRun> whole = model.runWhole(experiment, seed, threads, cancellation);
        if (whole.isPresent()) return whole.get();
        int combinations = experiment.combinations();
        SequentialModel.SequentialSampler sequential = model instanceof SequentialModel s
                ? s.sequentialSampler(experiment, seed).orElse(null) : null;
        TrialSampler[] samplers = new TrialSampler[combinations];
        if (sequential == null) for (int c = 0; c < combinations; c++) samplers[c] = model.sampler(experiment, c);
        int total = Math.toIntExact(totalTrials(experiment));
        int[] combination = new int[total];
        int[] outcome = new int[total];
        ChunkedRunner runner = new ChunkedRunner(threads, cancellation, progress);
        SettingChoice choice = experiment.choice();
        if (choice instanceof SettingChoice.All) {
            int perCombination = (int) experiment.trials();
            for (int c = 0; c < combinations; c++) {
                final int offset = c * perCombination;
                final TrialSampler sampler = samplers[c];
                java.util.Arrays.fill(combination, offset, offset + perCombination, c);
                final long before = (long) offset;
                if (progress != null) runner.onProgress(done -> progress.accept(before + done));
                final int combo = c;
                runner.run(perCombination, seed, StreamIds.combination(c), sequential == null
                        ? (chunk, from, to, rng) -> sampler.sampleInto(rng, outcome, offset + (int) from, offset + (int) to)
                        : (chunk, from, to, rng) -> {
                            for (int t = offset + (int) from; t < offset + to; t++) outcome[t] = sequential.sample(combo, t, rng);
                        });
            }
        } else {
            if (choice instanceof SettingChoice.Rule rule) {
                for (int t = 0; t < total; t++) combination[t] = checked(rule.rule().combinationFor(t), combinations, t);
            }
            boolean random = choice instanceof SettingChoice.Random;
            runner.run(total, seed, StreamIds.SETTING_CHOICE, (chunk, from, to, rng) -> {
                for (int t = (int) from; t < to; t++) {
                    if (random) combination[t] = rng.nextInt(combinations);
                    outcome[t] = sequential == null ? samplers[combination[t]].sample(rng) : sequential.sample(combination[t], t, rng);
                }
            });
        }
        return new SampledRun(experiment, model.name(), seed, combination, outcome);
    }

    private static int checked(int combination, int combinations, long trial) {
        if (combination < 0 || combination >= combinations) {
            throw new IllegalStateException("setting rule gave combination " + combination + " for trial " + trial);
        }
        return combination;
    }

    /** A generator for a model that needs one outside any chunk (e.g. to draw a single λ). */
    public static UniformRandomProvider stream(long seed, long... path) {
        return org.beable.random.RandomStreams.stream(seed, path);
    }
}
