package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact average of the response over hidden variables, for one setting combination:
 * discrete variables are enumerated, continuous ones integrated ({@link Quadrature}), one
 * variable inside the next in declaration order, so a variable whose distribution reads an
 * earlier one sees its value. At the innermost level the rules are evaluated as a tree:
 * a deterministic rule takes one branch, a drawn rule one branch per possible outcome, each
 * later rule reading the outcomes decided above it.
 *
 * <p>Variables may instead be <em>held</em> at the values already in the context (the hidden
 * variables a locality analysis is given); each held variable then weighs the average by its
 * density, so that the result is P(o | s, λ_B) by Bayes even when a held variable's
 * distribution reads one that is averaged over. The last component of every vector is that
 * total weight: p(λ_B | s) for a held part, 1 when nothing is held.
 *
 * <p>One averager serves one call on one thread (it owns the work arrays).
 */
final class Averager {
    /** Beyond this many evaluations `predict` gives up and points to `run`. */
    static final long BUDGET = 20_000_000L;

    private final CombinationPlan plan;
    private final HiddenAt[] hidden;
    private final boolean[] held;
    private final boolean responses;
    private final boolean weighHeld;
    private final double tolerance;
    private final int outcomes;
    private final double[][] vectors;
    private final double[][] probabilities;
    private final List<Quadrature> quadratures = new ArrayList<>();
    private int depth;
    private long evaluations;
    private final List<Double> unresolved = new ArrayList<>();   // per depth, the largest of its integrals

    /**
     * @param held       variables kept at the context's values (null: none)
     * @param responses  false to compute only the total weight (a marginal density)
     * @param weighHeld  whether held variables weigh the average by their density
     * @param tolerance  absolute accuracy of the outermost integral
     */
    Averager(CombinationPlan plan, boolean[] held, boolean responses, boolean weighHeld, double tolerance) {
        this.plan = plan;
        this.hidden = plan.hidden();
        this.held = held == null ? new boolean[hidden.length] : held.clone();
        this.responses = responses;
        this.weighHeld = weighHeld;
        this.tolerance = tolerance;
        this.outcomes = plan.space().size();
        this.vectors = new double[hidden.length][outcomes + 1];
        this.probabilities = new double[plan.rules().length][];
        for (int r = 0; r < probabilities.length; r++) probabilities[r] = new double[Math.max(1, plan.rules()[r].scratchSize())];
    }

    /** The average from the first variable on, starting from (a copy of) the context; length outcomes + 1. */
    double[] average(double[] context) {
        double[] out = new double[outcomes + 1];
        from(0, context.clone(), out);
        return out;
    }

    /**
     * Estimated error of integrals that stopped short of their tolerance: per level of nesting
     * the largest, since an inner integral's error reaches the result averaged by the outer ones.
     */
    double unresolved() {
        double total = 0;
        for (double u : unresolved) total += u;
        return total;
    }

    long evaluations() {
        return evaluations;
    }

    /** Averages over variables k, k+1, … into out; returns the signature. */
    long from(int k, double[] context, double[] out) {
        if (k == hidden.length) return leaf(context, out);
        if (!held[k]) return hidden[k].average(this, context, out);
        double w = weighHeld ? hidden[k].density(context) : 1;
        long s = from(k + 1, context, out);
        for (int j = 0; j < out.length; j++) out[j] *= w;
        return Signatures.mix(s, w > 0 ? 1 : 0);
    }

    /** A work vector for variable k (a discrete sum's branches). */
    double[] vector(int k) {
        return vectors[k];
    }

    /** ∫_a^b f into out at the current depth of nesting; the tolerance tightens by 4 per level, so inner errors stay below outer ones. */
    long integrate(double a, double b, Quadrature.Integrand f, double[] out) {
        if (quadratures.size() == depth) quadratures.add(new Quadrature(outcomes + 1, this::spend));
        Quadrature q = quadratures.get(depth);
        double levelTolerance = tolerance / Math.pow(4, depth);
        depth++;
        try {
            long topology = q.integrate(f, a, b, levelTolerance, out);
            int level = depth - 1;
            while (unresolved.size() <= level) unresolved.add(0.0);
            unresolved.set(level, Math.max(unresolved.get(level), q.unresolved()));
            return topology;
        } finally {
            depth--;
        }
    }

    private void spend() {
        if (++evaluations > BUDGET) {
            throw new Quadrature.Unresolvable("predict gave up after " + BUDGET + " evaluations of the rules without reaching"
                    + " its accuracy; use run to sample this model");
        }
    }

    private long leaf(double[] context, double[] out) {
        Arrays.fill(out, 0);
        out[outcomes] = 1;
        if (!responses) return Signatures.EMPTY;
        return respond(context, 0, 1, 0, out);
    }

    /** The response at a context with every hidden variable in place, into out[0, outcomes) (added, weighted). */
    long respond(double[] context, int r, double weight, int joint, double[] out) {
        BoundRule[] rules = plan.rules();
        if (r == rules.length) {
            out[joint] += weight;
            return Signatures.EMPTY;
        }
        BoundRule rule = rules[r];
        if (!plan.fires(r)) {
            context[rule.slot] = Double.NaN;
            return respond(context, r + 1, weight, joint, out);
        }
        return rule.respond(this, context, r, weight, joint, plan.placeValue(r), out, probabilities[r]);
    }
}
