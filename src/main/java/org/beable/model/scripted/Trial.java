package org.beable.model.scripted;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One thread's state for drawing trials of one setting combination with one generator: the
 * context array (reused for every trial, so a trial allocates nothing), the generator, a
 * Gaussian sampler bound to it when some hidden variable is normal, and scratch space for
 * probabilities evaluated per trial.
 */
final class Trial {
    final double[] context;
    final UniformRandomProvider rng;
    final NormalizedGaussianSampler gaussian;
    final double[] scratch;
    private final TrialProgram program;
    private Block block;
    private double[] joint;

    Trial(TrialProgram program, UniformRandomProvider rng) {
        this.program = program;
        this.rng = rng;
        this.context = program.initialContext();
        this.gaussian = program.needsGaussian() ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        this.scratch = new double[program.scratchSize()];
    }

    /** Draws λ into the context and returns the joint outcome index. */
    int next() {
        program.drawHidden(this);
        return program.decide(this);
    }

    /** The block `run` decides trials in, made on first use. */
    Block block() {
        if (block == null) block = program.newBlock();
        return block;
    }

    /**
     * Joint outcome indices of the current block, as doubles (exact: they are small integers) so
     * that a rule adds to them in the same vectorised loop in which it decides; NaN for a trial
     * some rule could not decide in the block.
     */
    double[] joint() {
        if (joint == null) joint = new double[Block.SIZE];
        return joint;
    }

    UniformRandomProvider rng() {
        return rng;
    }
}
