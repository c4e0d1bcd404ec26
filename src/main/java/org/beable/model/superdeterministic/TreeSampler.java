package org.beable.model.superdeterministic;

import org.apache.commons.rng.UniformRandomProvider;
import org.beable.model.TrialSampler;

/**
 * `run` in the κ → ∞ limit: per trial, draw the |λ_J|² the outcome needs and apply the rule
 * (highest J with σ_J > 0). λ is drawn top-down, and only until the outcome is decided: λ below
 * the outcome does not change it, and positions with zero weight can never have σ > 0.
 */
final class TreeSampler implements TrialSampler {
    private final OutcomeTree tree;
    private final LambdaDistribution distribution;
    private final boolean uniformDisk;
    private final boolean permuted;

    TreeSampler(OutcomeTree tree, LambdaDistribution distribution, boolean permuted) {
        this.tree = tree;
        this.distribution = distribution;
        this.uniformDisk = distribution.isUniformDisk();
        this.permuted = permuted;
    }

    @Override
    public int sample(UniformRandomProvider rng) {
        OutcomeTree.Node node = tree.root;
        if (node == null) return tree.constant;
        while (true) {
            int e = permuted ? permutedElement(node, rng) : fixedElement(node, rng);
            if (node.isLast()) return node.leaves[e];
            node = node.children[e];
        }
    }

    /** The common case gets a loop of its own: one detection, λ uniform on the disk, a fixed order. */
    @Override
    public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
        OutcomeTree.Node root = tree.root;
        if (root == null || permuted || !uniformDisk || !root.isLast()) {
            for (int t = from; t < to; t++) out[t] = sample(rng);
            return;
        }
        double[] s = root.sums;
        int[] tests = root.tests;
        int[] leafAt = new int[root.size()];
        for (int p = 0; p < leafAt.length; p++) leafAt[p] = root.leaves[root.order[p]];
        int bottom = leafAt[0];
        for (int t = from; t < to; t++) {
            int outcome = bottom;
            for (int p : tests) {
                if (rng.nextDouble() * s[p] > s[p - 1]) {
                    outcome = leafAt[p];
                    break;
                }
            }
            out[t] = outcome;
        }
    }

    private double draw(UniformRandomProvider rng) {
        return uniformDisk ? rng.nextDouble() : distribution.sample(rng);
    }

    private int fixedElement(OutcomeTree.Node node, UniformRandomProvider rng) {
        double[] s = node.sums;
        for (int p : node.tests) if (CollapseRule.positive(s, p, draw(rng))) return node.order[p];
        return node.order[0];
    }

    /** A uniformly random order for this trial (Fisher–Yates), then the same rule. */
    private int permutedElement(OutcomeTree.Node node, UniformRandomProvider rng) {
        int[] order = randomOrder(node.size(), rng);
        double[] s = CollapseRule.cumulative(node.weights, order);
        for (int p = order.length - 1; p >= 1; p--) {
            if (node.weights[order[p]] > 0 && CollapseRule.positive(s, p, draw(rng))) return order[p];
        }
        return order[0];
    }

    static int[] randomOrder(int m, UniformRandomProvider rng) {
        int[] order = new int[m];
        for (int k = 0; k < m; k++) order[k] = k;
        for (int k = m - 1; k >= 1; k--) {
            int j = rng.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
