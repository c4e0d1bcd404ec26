package org.beable.model.scripted;

import java.util.function.LongToIntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.ChosenBlocks;

/**
 * Trials of chosen combinations in blocks: each trial's choice and numbers are drawn in order,
 * as trial by trial, into the block of its combination's program; every {@link Block#SIZE}
 * trials, each program decides its part of the block and the outcomes go back in trial order.
 */
final class ChosenTrials implements ChosenBlocks {
    private final TrialProgram[] programs;     // by combination

    ChosenTrials(TrialProgram[] programs) {
        this.programs = programs.clone();
    }

    @Override
    public void sample(UniformRandomProvider rng, LongToIntFunction choice, int[] combination, int[] outcome, int from, int to) {
        int combinations = programs.length;
        Trial[] trials = new Trial[combinations];
        for (int c = 0; c < combinations; c++) trials[c] = programs[c].start(rng);
        int[] filled = new int[combinations];
        int[] position = new int[Block.SIZE];
        int[][] decided = new int[combinations][Block.SIZE];
        for (int start = from; start < to; start += Block.SIZE) {
            int n = Math.min(Block.SIZE, to - start);
            java.util.Arrays.fill(filled, 0);
            for (int i = 0; i < n; i++) {
                int c = choice.applyAsInt(start + i);
                combination[start + i] = c;
                position[i] = filled[c];
                programs[c].draw(trials[c], filled[c]++);
            }
            for (int c = 0; c < combinations; c++) {
                if (filled[c] > 0) programs[c].decideBlock(trials[c], filled[c], decided[c], 0);
            }
            for (int i = 0; i < n; i++) outcome[start + i] = decided[combination[start + i]][position[i]];
        }
    }
}
