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

    public static Measurement ofBasis(CMatrix[] kets) {
        CMatrix[] projectors = new CMatrix[kets.length];
        for (int k = 0; k < kets.length; k++) projectors[k] = kets[k].projector();
        return new Measurement(projectors, kets);
    }
}
