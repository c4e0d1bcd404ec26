package org.beable.model.scripted;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * What one trial of one setting combination does, shared by every thread: draw each hidden
 * variable into its slots, then fire the rules of the detectors that measure, in rule order,
 * adding each outcome index times its place value in the joint outcome (first slot most
 * significant, as in {@link org.beable.experiment.OutcomeSpace}).
 */
final class TrialProgram {
    private final double[] initial;      // settings in place, NaN in every hidden and outcome slot
    private final HiddenAt[] hidden;
    private final BoundRule[] rules;     // the rules that fire in this combination
    private final int[] placeValue;      // per firing rule
    private final boolean gaussian;
    private final int scratch;
    private final int hiddenFrom;        // the hidden variables' slots [hiddenFrom, hiddenTo)
    private final int hiddenTo;
    private final int[] uniformColumn;   // per firing rule, the block's column of the numbers it draws, or -1
    private final int drawingRules;      // rules that draw a number per trial
    private final boolean oneColumn;     // a single hidden variable that draws a block at once, and no rule draws

    TrialProgram(double[] initial, HiddenAt[] hidden, BoundRule[] rules, int[] placeValue, int hiddenFrom, int hiddenTo) {
        this.initial = initial.clone();
        this.hidden = hidden.clone();
        this.rules = rules.clone();
        this.placeValue = placeValue.clone();
        this.hiddenFrom = hiddenFrom;
        this.hiddenTo = hiddenTo;
        this.uniformColumn = new int[rules.length];
        int drawing = 0;
        for (int r = 0; r < rules.length; r++) uniformColumn[r] = rules[r].uniformsPerTrial() > 0 ? drawing++ : -1;
        this.drawingRules = drawing;
        this.oneColumn = hidden.length == 1 && hidden[0].drawsInBlocks() && drawing == 0;
        boolean g = false;
        int s = 0;
        for (HiddenAt h : hidden) {
            g |= h.needsGaussian();
            s = Math.max(s, h.scratchSize());
        }
        for (BoundRule r : rules) s = Math.max(s, r.scratchSize());
        this.gaussian = g;
        this.scratch = s;
    }

    Trial start(UniformRandomProvider rng) {
        return new Trial(this, rng);
    }

    Block newBlock() {
        return new Block(initial, drawingRules);
    }

    double[] initialContext() {
        return initial.clone();
    }

    boolean needsGaussian() {
        return gaussian;
    }

    int scratchSize() {
        return scratch;
    }

    /**
     * Trials into out[from, to): the hot loop of `run`. The generator is called exactly as trial
     * after trial would call it — per trial the hidden variables in order, then one number for
     * each rule that draws, in rule order — and the numbers go into the block's columns; then each
     * rule decides the whole block, its compiled expressions running as loops over the columns.
     * Should a rule not decide some trial (a value that is not exactly an outcome, probabilities
     * to refuse), the block is decided again trial by trial from the same numbers, where rules
     * match within tolerance or refuse with the trial's context.
     */
    void fill(Trial trial, int[] out, int from, int to) {
        final Block block = trial.block();
        for (int start = from; start < to; start += Block.SIZE) {
            int n = Math.min(Block.SIZE, to - start);
            if (oneColumn) {
                hidden[0].drawBlock(block.column(hiddenFrom), n, trial);
            } else {
                for (int i = 0; i < n; i++) draw(trial, i);
            }
            decideBlock(trial, n, out, start);
        }
    }

    /** Trial i of the trial's block: the generator calls of one trial, their numbers into the block's columns. */
    void draw(Trial trial, int i) {
        final double[] context = trial.context;
        final Block block = trial.block();
        for (HiddenAt h : hidden) h.draw(context, trial);
        for (int s = hiddenFrom; s < hiddenTo; s++) block.column(s)[i] = context[s];
        for (int d = 0; d < drawingRules; d++) block.uniforms(d)[i] = trial.rng.nextDouble();
    }

    /**
     * Decides the first n trials of the trial's block, whose numbers are drawn, into
     * out[start, start + n): exactly, then, if some value was not exactly an outcome, again with
     * the match tolerance, and only if something is still undecided (a refusal), trial by trial.
     */
    void decideBlock(Trial trial, int n, int[] out, int start) {
        final Block block = trial.block();
        final double[] joint = trial.joint();
        block.resize(n);
        if (!fireAll(block, joint, n, false) && !fireAll(block, joint, n, true)) {
            decideByTrial(trial, block, out, start, n);
            return;
        }
        for (int i = 0; i < n; i++) out[start + i] = (int) joint[i];
    }

    /** Every rule over the block; whether every trial was decided. */
    private boolean fireAll(Block block, double[] joint, int n, boolean tolerant) {
        java.util.Arrays.fill(joint, 0, n, 0);
        for (int r = 0; r < rules.length; r++) {
            rules[r].fireBlock(block, uniformColumn[r] < 0 ? null : block.uniforms(uniformColumn[r]), joint, placeValue[r], tolerant);
        }
        return allDecided(joint, n);
    }

    /** No NaN among the joint indices: their sum is a number (four sums, so the additions overlap). */
    private static boolean allDecided(double[] joint, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += joint[i];
            s1 += joint[i + 1];
            s2 += joint[i + 2];
            s3 += joint[i + 3];
        }
        for (; i < n; i++) s0 += joint[i];
        return !Double.isNaN(s0 + s1 + s2 + s3);
    }

    private void decideByTrial(Trial trial, Block block, int[] out, int start, int n) {
        final double[] context = trial.context;
        for (int i = 0; i < n; i++) {
            for (int s = hiddenFrom; s < hiddenTo; s++) context[s] = block.column(s)[i];
            int joint = 0;
            for (int r = 0; r < rules.length; r++) {
                int k = uniformColumn[r] < 0 ? rules[r].fire(context, trial) : rules[r].fire(context, trial, block.uniforms(uniformColumn[r])[i]);
                joint += k * placeValue[r];
            }
            out[start + i] = joint;
        }
    }

    void drawHidden(Trial trial) {
        for (HiddenAt h : hidden) h.draw(trial.context, trial);
    }

    int decide(Trial trial) {
        int joint = 0;
        for (int r = 0; r < rules.length; r++) joint += rules[r].fire(trial.context, trial) * placeValue[r];
        return joint;
    }
}
