package org.beable.model.lindblad;

import org.beable.quantum.CMatrix;

/**
 * The master equation as one d² × d² matrix 𝓛 acting on ρ flattened row by row
 * (vec ρ)[i·d + j] = ρ_ij — the order CMatrix stores entries in, so flattening is a copy.
 *
 * <p>With that order vec(AρB) = (A ⊗ Bᵀ) vec ρ, hence for dρ/dt = Gρ + ρG† + Σ_k L_k ρ L_k†
 * (G from {@link LindbladGenerator#effective()}):
 * 𝓛 = G ⊗ 1 + 1 ⊗ conj(G) + Σ_k L_k ⊗ conj(L_k).
 */
final class Liouvillian {
    private Liouvillian() {}

    static CMatrix of(LindbladGenerator generator) {
        int d = generator.dimension();
        CMatrix one = CMatrix.identity(d);
        CMatrix g = generator.effective();
        CMatrix l = g.kron(one).plus(one.kron(g.conjugate()));
        for (CMatrix jump : generator.jumps()) l = l.plus(jump.kron(jump.conjugate()));
        return l;
    }
}
