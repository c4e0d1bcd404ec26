package org.beable.model.lindblad;

import java.util.List;
import org.beable.quantum.CMatrix;

/**
 * The right-hand side of a master equation in Lindblad form,
 * dρ/dt = −i[H, ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ}): a Hermitian H and jump operators L_k, all
 * d × d. Validated once here so that everything downstream may assume square, equal-sized,
 * finite operators and an exactly Hermitian H.
 *
 * <p>The same equation written with G = −iH − ½ Σ L_k†L_k reads dρ/dt = Gρ + ρG† + Σ L_k ρ L_k†;
 * both the superoperator and its Taylor series use that form, which needs one product for the
 * Hamiltonian and the anticommutator together.
 */
final class LindbladGenerator {
    /** How far from Hermitian H may be, relative to its largest entry: rounding in script arithmetic, not more. */
    static final double HERMITIAN_TOLERANCE = 1e-10;

    private final CMatrix hamiltonian;
    private final List<CMatrix> jumps;

    private LindbladGenerator(CMatrix hamiltonian, List<CMatrix> jumps) {
        this.hamiltonian = hamiltonian;
        this.jumps = jumps;
    }

    /**
     * Checks the operators and returns the generator; H is replaced by (H + H†)/2 so that the
     * evolution keeps ρ Hermitian to rounding even when H was Hermitian only to rounding.
     *
     * @throws IllegalArgumentException with a plain sentence naming the first problem found
     */
    static LindbladGenerator of(CMatrix hamiltonian, List<CMatrix> jumps) {
        if (hamiltonian == null) throw new IllegalArgumentException("lindblad: H is missing");
        if (jumps == null) throw new IllegalArgumentException("lindblad: the list of jump operators is missing");
        requireSquareAndFinite(hamiltonian, "H");
        int d = hamiltonian.rows;
        for (int k = 0; k < jumps.size(); k++) {
            CMatrix jump = jumps.get(k);
            String name = "jump operator " + (k + 1) + " of " + jumps.size();
            if (jump == null) throw new IllegalArgumentException("lindblad: " + name + " is missing");
            requireSquareAndFinite(jump, name);
            if (jump.rows != d) {
                throw new IllegalArgumentException("lindblad: " + name + " is " + jump.rows + "x" + jump.cols
                        + " but H is " + d + "x" + d + "; all operators must act on the same systems");
            }
        }
        double tolerance = HERMITIAN_TOLERANCE * Math.max(1, largestEntry(hamiltonian));
        if (!hamiltonian.isHermitian(tolerance)) {
            throw new IllegalArgumentException("lindblad: H must be Hermitian (H = H†); its largest departure is "
                    + hamiltonian.maxAbsDifference(hamiltonian.adjoint()));
        }
        CMatrix symmetric = hamiltonian.plus(hamiltonian.adjoint()).scale(0.5);
        return new LindbladGenerator(symmetric, List.copyOf(jumps));
    }

    private static void requireSquareAndFinite(CMatrix m, String name) {
        if (!m.isSquare()) {
            throw new IllegalArgumentException("lindblad: " + name + " must be a square matrix, got " + m.rows + "x" + m.cols);
        }
        if (!Double.isFinite(largestEntry(m))) {
            throw new IllegalArgumentException("lindblad: " + name + " has an entry that is not a finite number");
        }
    }

    private static double largestEntry(CMatrix m) {
        double[] re = m.reals();
        double[] im = m.imags();
        double largest = 0;
        for (int k = 0; k < re.length; k++) {
            double size = Math.abs(re[k]) + Math.abs(im[k]);
            if (!Double.isFinite(size)) return size;
            largest = Math.max(largest, size);
        }
        return largest;
    }

    /** The same jumps with H + drive as Hamiltonian (an `evolve` step's Hamiltonian added to the model's own). */
    LindbladGenerator withDrive(CMatrix drive) {
        if (drive == null) return this;
        if (drive.rows != dimension() || drive.cols != dimension()) {
            throw new IllegalArgumentException("lindblad: the step's Hamiltonian is " + drive.rows + "x" + drive.cols
                    + " but the model's H is " + dimension() + "x" + dimension());
        }
        return of(hamiltonian.plus(drive), jumps);
    }

    int dimension() {
        return hamiltonian.rows;
    }

    CMatrix hamiltonian() {
        return hamiltonian;
    }

    List<CMatrix> jumps() {
        return jumps;
    }

    boolean hasJumps() {
        return !jumps.isEmpty();
    }

    /** G = −iH − ½ Σ L_k†L_k, the non-Hermitian "effective" generator of ρ → Gρ + ρG†. */
    CMatrix effective() {
        CMatrix g = hamiltonian.scale(0, -1);
        for (CMatrix jump : jumps) g = g.minus(jump.adjoint().times(jump).scale(0.5));
        return g;
    }
}
