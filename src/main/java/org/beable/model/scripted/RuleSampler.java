package org.beable.model.scripted;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.TrialSampler;

/**
 * `run`'s sampler for one setting combination: draws λ and fires the compiled rules, trial
 * after trial, in one reused context array. The Runner shares one sampler between threads,
 * each with its own generator, so the per-thread state ({@link Trial}) is made per call of
 * {@link #sampleInto} (one chunk) or kept per thread for single draws, never shared.
 */
final class RuleSampler implements TrialSampler {
    private final TrialProgram program;
    private final ThreadLocal<Trial> single = new ThreadLocal<>();

    RuleSampler(TrialProgram program) {
        this.program = program;
    }

    @Override
    public int sample(UniformRandomProvider rng) {
        Trial trial = single.get();
        if (trial == null || trial.rng() != rng) {   // a new chunk: its own generator
            trial = program.start(rng);
            single.set(trial);
        }
        return trial.next();
    }

    @Override
    public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
        program.fill(program.start(rng), out, from, to);
    }
}
