package org.beable.model.ensemble;

/**
 * The energy of the phase-alignment dynamics (§3.2, action 42) for a member-level ensemble:
 * <pre>
 *   E = Σ_I (π_I²/2 + π_I ω_{a_I}) + (f²/2) Σ_I Σ_{J∈a_I} sin²(φ_I − φ_J)
 *     = Σ_I (π_I²/2 + π_I ω_{a_I}) + (f²/4) Σ_a (n_a² − |Σ_{I∈a} e^{2iφ_I}|²)
 * </pre>
 * (sin² x = (1 − cos 2x)/2 turns the double sum into one pass). It is the Hamiltonian whose
 * equations are φ̇_I = ω_{a_I} + π_I, π̇_I = −∂V/∂φ_I: conserved when nothing copies, the
 * Hamiltonian is diagonal (Ω_I = ω_{a_I}) and there is no damping. Off-diagonal couplings (the
 * rest of the phase law, whose Σ π_K ∂Ω_K/∂φ_I term the paper drops), copy events and damping
 * change it; the output shows by how much.
 */
final class AlignmentEnergy {
    private AlignmentEnergy() {}

    /** @param omega ω_a = H_aa of the Hamiltonian acting */
    static double of(EnsembleState state, double f, double[] omega) {
        int classes = state.classes();
        double[] re = new double[classes];
        double[] im = new double[classes];
        double kinetic = 0;
        long n = state.members();
        for (long i = 0; i < n; i++) {
            double phi = state.phase(i);
            int a = state.value(i);
            re[a] += Math.cos(2 * phi);
            im[a] += Math.sin(2 * phi);
            double p = state.momentum(i);
            kinetic += 0.5 * p * p + p * omega[a];
        }
        double potential = 0;
        for (int a = 0; a < classes; a++) {
            double count = state.count(a);
            potential += count * count - (re[a] * re[a] + im[a] * im[a]);
        }
        return kinetic + f * f / 4 * potential;
    }
}
