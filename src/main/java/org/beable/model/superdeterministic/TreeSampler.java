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

    /**
     * The common case gets loops of its own: one detection, λ uniform on the disk, a fixed order.
     * Each position that can have σ > 0 gets one 53-bit draw compared with its integer threshold
     * ({@link CollapseRule#thresholds}), and the highest position that passes wins — no branches
     * to mispredict and no floating point. (The general path draws top-down and stops early; both
     * are the same rule, they use the stream differently.)
     */
    @Override
    public void sampleInto(UniformRandomProvider rng, int[] out, int from, int to) {
        OutcomeTree.Node root = tree.root;
        if (root == null || permuted || !uniformDisk || !root.isLast()) {
            for (int t = from; t < to; t++) out[t] = sample(rng);
            return;
        }
        long[] m = root.thresholds;
        int[] tests = root.tests.clone();
        java.util.Arrays.sort(tests);                                 // ascending: the highest passing position wins
        int[] leafAt = new int[root.size()];
        for (int p = 0; p < leafAt.length; p++) leafAt[p] = root.leaves[root.order[p]];
        switch (tests.length) {
            case 0 -> java.util.Arrays.fill(out, from, to, leafAt[0]);
            case 1 -> {
                int p1 = tests[0];
                long m1 = m[p1];
                int l0 = leafAt[0];
                int l1 = leafAt[p1];
                for (int t = from; t < to; t++) out[t] = (rng.nextLong() >>> 11) >= m1 ? l1 : l0;
            }
            case 2 -> {
                int p1 = tests[0];
                int p2 = tests[1];
                long m1 = m[p1];
                long m2 = m[p2];
                int l0 = leafAt[0];
                int l1 = leafAt[p1];
                int l2 = leafAt[p2];
                for (int t = from; t < to; t++) {
                    long u1 = rng.nextLong() >>> 11;
                    long u2 = rng.nextLong() >>> 11;
                    int o = u1 >= m1 ? l1 : l0;
                    out[t] = u2 >= m2 ? l2 : o;
                }
            }
            case 3 -> {
                int p1 = tests[0];
                int p2 = tests[1];
                int p3 = tests[2];
                long m1 = m[p1];
                long m2 = m[p2];
                long m3 = m[p3];
                int l0 = leafAt[0];
                int l1 = leafAt[p1];
                int l2 = leafAt[p2];
                int l3 = leafAt[p3];
                for (int t = from; t < to; t++) {
                    long u1 = rng.nextLong() >>> 11;
                    long u2 = rng.nextLong() >>> 11;
                    long u3 = rng.nextLong() >>> 11;
                    int o = u1 >= m1 ? l1 : l0;
                    o = u2 >= m2 ? l2 : o;
                    out[t] = u3 >= m3 ? l3 : o;
                }
            }
            default -> {
                long[] mt = new long[tests.length];
                int[] lt = new int[tests.length];
                for (int k = 0; k < tests.length; k++) {
                    mt[k] = m[tests[k]];
                    lt[k] = leafAt[tests[k]];
                }
                int l0 = leafAt[0];
                for (int t = from; t < to; t++) {
                    int o = l0;
                    for (int k = 0; k < mt.length; k++) o = (rng.nextLong() >>> 11) >= mt[k] ? lt[k] : o;
                    out[t] = o;
                }
            }
        }
    }

    private double draw(UniformRandomProvider rng) {
        return uniformDisk ? rng.nextDouble() : distribution.sample(rng);
    }

    private int fixedElement(OutcomeTree.Node node, UniformRandomProvider rng) {
        if (uniformDisk) {
            long[] m = node.thresholds;
            for (int p : node.tests) if ((rng.nextLong() >>> 11) >= m[p]) return node.order[p];
            return node.order[0];
        }
        double[] s = node.sums;
        for (int p : node.tests) if (CollapseRule.positive(s, p, distribution.sample(rng))) return node.order[p];
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
        int[] order = Permutations.identity(m);
        for (int k = m - 1; k >= 1; k--) {
            int j = rng.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
