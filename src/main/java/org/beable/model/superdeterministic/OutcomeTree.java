package org.beable.model.superdeterministic;

import java.util.Arrays;
import org.beable.experiment.OutcomeSpace;
import org.beable.quantum.CMatrix;

/**
 * The model's detections under one setting combination, unrolled: a node per detection reached
 * by a history of outcomes, holding the weights of its basis elements (for the state the history
 * leaves), the fixed basis order and its running sums, and per element either the next node or
 * the joint outcome index. Sampling walks it with no matrix arithmetic per trial.
 */
final class OutcomeTree {
    /** A limit on unrolled detections, so a long chain of measurements fails plainly instead of filling memory. */
    static final int MAX_NODES = 1 << 20;

    static final class Node {
        final int step;              // measure step: λ_J of this detection are lambda[step * (D − 1) + J − 2]
        final double[] weights;      // per element, total 1 (all 0 for a state the history annihilated)
        final int[] order;           // position → element; null when the order is drawn per trial
        final double[] sums;         // running sums over positions (fixed order only)
        final int[] tests;           // positions ≥ 1 whose σ can be positive, highest first (fixed order only)
        final long[] thresholds;     // the rule on 53 random bits for uniform λ (fixed order only)
        final Node[] children;       // per element, or null at the last detection
        final int[] leaves;          // per element, the joint outcome index (last detection only)

        Node(int step, double[] weights, int[] order, Node[] children, int[] leaves) {
            this.step = step;
            this.weights = weights;
            this.order = order;
            this.children = children;
            this.leaves = leaves;
            if (order != null) {
                this.sums = CollapseRule.cumulative(weights, order);
                int count = 0;
                int[] t = new int[order.length];
                for (int p = order.length - 1; p >= 1; p--) if (weights[order[p]] > 0) t[count++] = p;
                this.tests = Arrays.copyOf(t, count);
                this.thresholds = CollapseRule.thresholds(sums);
            } else {
                this.sums = null;
                this.tests = null;
                this.thresholds = null;
            }
        }

        int size() {
            return weights.length;
        }

        boolean isLast() {
            return children == null;
        }
    }

    final Node root;
    final int dimension;
    /** The joint outcome when the experiment has no detection at all (nothing fires anywhere). */
    final int constant;

    private int nodes;

    OutcomeTree(DetectionPlan plan, BasisOrder order) {
        this.dimension = plan.dimension();
        OutcomeSpace space = plan.experiment.outcomes(plan.combination);
        int[] digits = new int[space.slots()];
        Arrays.fill(digits, OutcomeSpace.NO_OUTCOME);
        this.root = build(plan, order, 0, plan.experiment.preparedState(), digits, space);
        this.constant = root == null ? space.encode(digits) : -1;
    }

    private Node build(DetectionPlan plan, BasisOrder basisOrder, int stage, CMatrix rho, int[] digits, OutcomeSpace space) {
        while (stage < plan.stages.size() && plan.stages.get(stage) instanceof DetectionPlan.Evolution e) {
            rho = rho.conjugateBy(e.unitary());
            stage++;
        }
        if (stage == plan.stages.size()) return null;
        if (++nodes > MAX_NODES) {
            throw new IllegalArgumentException("experiment '" + plan.experiment.name() + "' has more than " + MAX_NODES
                    + " sequences of detection outcomes; measure fewer times in sequence");
        }
        DetectionPlan.Detection d = (DetectionPlan.Detection) plan.stages.get(stage);
        double[] weights = weights(d, rho);
        int[] order = basisOrder.resolve(plan.detectors(d), d.outcomes(), plan.describe(d));
        boolean last = true;
        for (int s = stage + 1; s < plan.stages.size(); s++) last &= !(plan.stages.get(s) instanceof DetectionPlan.Detection);
        Node[] children = last ? null : new Node[d.size()];
        int[] leaves = last ? new int[d.size()] : null;
        for (int e = 0; e < d.size(); e++) {
            int[] next = digits.clone();
            for (int k = 0; k < d.slots().length; k++) next[d.slots()[k]] = d.outcomes()[e][k];
            if (last) leaves[e] = space.encode(next);
            else children[e] = build(plan, basisOrder, stage + 1, collapsed(d, e, rho), next, space);
        }
        return new Node(d.step(), weights, order, children, leaves);
    }

    /** tr(P_k ρ) per element, clamped at 0 against rounding, normalised to total 1. */
    static double[] weights(DetectionPlan.Detection d, CMatrix rho) {
        double[] w = new double[d.size()];
        double total = 0;
        for (int e = 0; e < w.length; e++) {
            w[e] = Math.max(0, d.weight(e, rho));
            total += w[e];
        }
        if (total > 0) for (int e = 0; e < w.length; e++) w[e] /= total;
        return w;
    }

    /**
     * The state after the detection ends in element k: |K⟩⟨K| for a complete basis, otherwise
     * P_k ρ P_k / tr(P_k ρ); an element the state has (to rounding) no weight on still ends there
     * (P_k / tr P_k), since the dissipative dynamics drives any state into it.
     */
    static CMatrix collapsed(DetectionPlan.Detection d, int k, CMatrix rho) {
        if (d.complete()) return d.kets()[k].projector();
        if (d.slots().length == 0) return rho;                     // nothing measured at this step
        CMatrix p = d.projector(k);
        CMatrix projected = p.times(rho).times(p);
        double w = projected.trace().getReal();
        if (w > 1e-12) return projected.scale(1 / w);
        return p.scale(1 / p.trace().getReal());
    }
}
