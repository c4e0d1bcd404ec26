package org.beable.quantum;

/**
 * Qubit spin observables and their eigenvectors, with the phase conventions of
 * docs/models/quantum.md: |0> is spin up along z, and {@code spin(θ)} measures
 * along n = (sin θ, 0, cos θ) in the x–z plane.
 */
public final class Spin {

    private Spin() {}

    public static CMatrix pauliX() {
        return CMatrix.of(new double[][] {{0, 1}, {1, 0}}, null);
    }

    public static CMatrix pauliY() {
        return CMatrix.of(new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, -1}, {1, 0}});
    }

    public static CMatrix pauliZ() {
        return CMatrix.of(new double[][] {{1, 0}, {0, -1}}, null);
    }

    /** σ·n = sin θ σx + cos θ σz. */
    public static CMatrix spin(double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        return CMatrix.of(new double[][] {{c, s}, {s, -c}}, null);
    }

    /** The +1 eigenvector of {@code spin(θ)}: cos(θ/2)|0> + sin(θ/2)|1>. */
    public static CMatrix up(double theta) {
        return CMatrix.column(new double[] {Math.cos(theta / 2), Math.sin(theta / 2)}, null);
    }

    /** The −1 eigenvector of {@code spin(θ)}: −sin(θ/2)|0> + cos(θ/2)|1>. */
    public static CMatrix down(double theta) {
        return CMatrix.column(new double[] {-Math.sin(theta / 2), Math.cos(theta / 2)}, null);
    }
}
