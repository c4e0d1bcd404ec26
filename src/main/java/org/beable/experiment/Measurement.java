package org.beable.experiment;

import org.beable.quantum.CMatrix;

/**
 * What a detector does for one setting value: a complete set of orthogonal projectors on its
 * system, one per outcome (rank one for a basis, eigenspaces for a degenerate observable), and
 * for a basis measurement the basis kets themselves (models such as the superdeterministic
 * one need the basis, not just projectors).
 */
public record Measurement(CMatrix[] projectors, CMatrix[] basis) {
    public int outcomes() {
        return projectors.length;
    }

    /**
     * This measurement with {@code count} more outcomes after its own, each with a zero
     * projector: outcomes quantum mechanics gives probability 0 but a hidden-variable model
     * may produce (a detector's "no click"). The result is no longer a basis measurement, so
     * it carries no basis kets.
     */
    public Measurement withZeroOutcomes(int count) {
        if (count < 1) throw new IllegalArgumentException("add at least one outcome, not " + count);
        int n = projectors[0].rows;
        CMatrix[] extended = java.util.Arrays.copyOf(projectors, projectors.length + count);
        for (int k = projectors.length; k < extended.length; k++) extended[k] = CMatrix.zeros(n, n);
        return new Measurement(extended, null);
    }

    public static Measurement ofBasis(CMatrix[] kets) {
        CMatrix[] projectors = new CMatrix[kets.length];
        for (int k = 0; k < kets.length; k++) projectors[k] = kets[k].projector();
        return new Measurement(projectors, kets);
    }
}
