package org.beable.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongToIntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.concurrent.Cancellation;
import org.beable.experiment.Experiment;
import org.beable.experiment.SettingChoice;
import org.beable.model.sampling.ChunkBuffer;
import org.beable.model.sampling.ChunkedRunner;
import org.beable.random.StreamIds;

/**
 * Runs an experiment under a model: seeded, chunked, on all cores, and identical for any
 * thread count because every chunk draws from its own stream derived from (seed, stream, chunk).
 *
 * <p>A run counts outcomes per (setting combination, joint outcome) and keeps no trial, so its
 * memory does not depend on the number of trials; {@link #record} draws the same trials again
 * and lists them in order, for the analyses of trial order.
 */
public final class Runner {
    private final int threads;
    private final Cancellation cancellation;
    private final LongConsumer progress;

    public Runner(int threads, Cancellation cancellation, LongConsumer progress) {
        this.threads = threads;
        this.cancellation = cancellation;
        this.progress = progress;
    }

    /**
     * Total trials a run of this experiment makes, for limits and progress bars; Long.MAX_VALUE
     * when the product overflows (no limit allows that many).
     */
    public static long totalTrials(Experiment experiment) {
        if (!(experiment.choice() instanceof SettingChoice.All)) return experiment.trials();
        long combinations = experiment.combinations();
        return experiment.trials() > Long.MAX_VALUE / Math.max(1, combinations) ? Long.MAX_VALUE : experiment.trials() * combinations;
    }

    /** A counted run; its trials, when an analysis asks, are replayed with the same seed (no progress shown). */
    public SampledRun run(Experiment experiment, OntologicalModel model, long seed) {
        Optional<SampledRun> whole = model.runWhole(experiment, seed, threads, cancellation);
        if (whole.isPresent()) return whole.get();
        long[][] counts = new long[experiment.combinations()][];
        sample(experiment, model, seed, progress, new Counting(experiment, counts));
        Runner replay = new Runner(threads, cancellation, null);
        return SampledRun.counted(experiment, model.name(), seed, counts, () -> replay.record(experiment, model, seed));
    }

    /** Every trial of the run with this seed, in order: the trials {@link #run} counted. */
    public TrialLog record(Experiment experiment, OntologicalModel model, long seed) {
        Optional<SampledRun> whole = model.runWhole(experiment, seed, threads, cancellation);
        if (whole.isPresent()) return whole.get().trials();
        long total = totalTrials(experiment);
        TrialLog.checkFits(total);
        TrialLog log = new TrialLog(new int[(int) total], new int[(int) total]);
        sample(experiment, model, seed, progress, new Listing(log));
        return log;
    }

    /** Where the trials of a run go: counted, or listed in order. */
    private sealed interface Sink permits Counting, Listing {}

    /** counts[combination][outcome]. */
    private record Counting(Experiment experiment, long[][] counts) implements Sink {}

    private record Listing(TrialLog log) implements Sink {}

    private void sample(Experiment experiment, OntologicalModel model, long seed, LongConsumer progress, Sink sink) {
        int combinations = experiment.combinations();
        SequentialModel.SequentialSampler sequential = model instanceof SequentialModel s
                ? s.sequentialSampler(experiment, seed).orElse(null) : null;
        TrialSampler[] samplers = new TrialSampler[combinations];
        if (sequential == null) for (int c = 0; c < combinations; c++) samplers[c] = model.sampler(experiment, c);
        SettingChoice choice = experiment.choice();
        if (choice instanceof SettingChoice.All) {
            long perCombination = experiment.trials();
            ChunkedRunner runner = new ChunkedRunner(threads, cancellation);
            for (int c = 0; c < combinations; c++) {
                long offset = c * perCombination;
                if (progress != null) runner.onProgress(done -> progress.accept(offset + done));
                sampleCombination(runner, c, offset, perCombination, seed, samplers[c], sequential, sink);
            }
        } else {
            // A rule is a script function: it runs on the calling thread, one chunk after another.
            ChunkedRunner runner = new ChunkedRunner(choice instanceof SettingChoice.Rule ? 1 : threads, cancellation, progress);
            ChosenBlocks inBlocks = sequential == null ? model.chosenBlocks(experiment).orElse(null) : null;
            sampleChosen(runner, experiment, seed, inBlocks != null ? offset -> inBlocks : offset -> oneByOne(samplers, sequential, offset), sink);
        }
    }

    /** The trials of one combination, [offset, offset + n) of the run. */
    private static void sampleCombination(ChunkedRunner runner, int c, long offset, long n, long seed, TrialSampler sampler,
                                          SequentialModel.SequentialSampler sequential, Sink sink) {
        long stream = StreamIds.combination(c);
        if (sink instanceof Counting counting) {
            int bins = counting.experiment().outcomes(c).size();
            counting.counts()[c] = runner.count(n, seed, stream, bins, sequential == null
                    ? (chunk, from, to, rng, counts) -> sampler.countInto(rng, to - from, counts)
                    : (chunk, from, to, rng, counts) -> {
                        for (long t = offset + from; t < offset + to; t++) counts[sequential.sample(c, t, rng)]++;
                    });
        } else if (sink instanceof Listing listing) {
            int[] combination = listing.log().combinations();
            int[] outcome = listing.log().outcomes();
            Arrays.fill(combination, (int) offset, (int) (offset + n), c);
            int start = (int) offset;
            runner.run(n, seed, stream, sequential == null
                    ? (chunk, from, to, rng) -> sampler.sampleInto(rng, outcome, start + (int) from, start + (int) to)
                    : (chunk, from, to, rng) -> {
                        for (int t = start + (int) from; t < start + to; t++) outcome[t] = sequential.sample(c, t, rng);
                    });
        }
    }

    /**
     * Trials whose combination is drawn at random or given by a rule, by the model's
     * {@link ChosenBlocks} at the chunk's first trial ({@code blocksAt}); a counting run lists
     * each chunk into the worker's buffers and tallies them.
     */
    private static void sampleChosen(ChunkedRunner runner, Experiment experiment, long seed, LongFunction<ChosenBlocks> blocksAt, Sink sink) {
        int combinations = experiment.combinations();
        SettingChoice.TrialRule rule = rule(experiment);
        long total = experiment.trials();
        if (sink instanceof Counting counting) {
            int[] first = firstBins(experiment);
            long[] bins = runner.count(total, seed, StreamIds.SETTING_CHOICE, first[combinations], (chunk, from, to, rng, counts) -> {
                int n = (int) (to - from);
                int[] combination = ChunkBuffer.combinations();
                int[] outcome = ChunkBuffer.get();
                blocksAt.apply(from).sample(rng, chooser(rule, combinations, from, rng), combination, outcome, 0, n);
                for (int t = 0; t < n; t++) counts[first[combination[t]] + outcome[t]]++;
            });
            split(bins, first, counting.counts());
        } else if (sink instanceof Listing listing) {
            int[] combination = listing.log().combinations();
            int[] outcome = listing.log().outcomes();
            runner.run(total, seed, StreamIds.SETTING_CHOICE, (chunk, from, to, rng) ->
                    blocksAt.apply(0).sample(rng, chooser(rule, combinations, 0, rng), combination, outcome, (int) from, (int) to));
        }
    }

    /**
     * One sampler call per trial, for models with no block form: trial index t of the arrays is
     * trial offset + t of the run (which a sequential sampler reads).
     */
    private static ChosenBlocks oneByOne(TrialSampler[] samplers, SequentialModel.SequentialSampler sequential, long offset) {
        return (rng, choice, combination, outcome, from, to) -> {
            for (int t = from; t < to; t++) {
                int c = choice.applyAsInt(t);
                combination[t] = c;
                outcome[t] = sequential == null ? samplers[c].sample(rng) : sequential.sample(c, offset + t, rng);
            }
        };
    }

    private static SettingChoice.TrialRule rule(Experiment experiment) {
        return experiment.choice() instanceof SettingChoice.Rule r ? r.rule() : null;
    }

    /** A run that counts every combination in one array of bins: combination c's outcomes are bins [first[c], first[c + 1]). */
    private static int[] firstBins(Experiment experiment) {
        int[] first = new int[experiment.combinations() + 1];
        for (int c = 0; c < experiment.combinations(); c++) first[c + 1] = first[c] + experiment.outcomes(c).size();
        return first;
    }

    private static void split(long[] bins, int[] first, long[][] counts) {
        for (int c = 0; c < counts.length; c++) counts[c] = Arrays.copyOfRange(bins, first[c], first[c + 1]);
    }

    /** The combination of trial offset + t: the rule's, or drawn from the chunk's generator. */
    private static LongToIntFunction chooser(SettingChoice.TrialRule rule, int combinations, long offset, UniformRandomProvider rng) {
        return rule != null ? t -> checked(rule.combinationFor(offset + t), combinations, offset + t) : t -> rng.nextInt(combinations);
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
