package org.beable.quantum;

/**
 * Quantum-information quantities of states: entropy, purity, fidelity, trace distance,
 * partial transpose, negativity, concurrence and mutual information.
 *
 * <p>Every method accepts a normalised ket (read as |ψ⟩⟨ψ|) or a density matrix, and works
 * only through the spectra of Hermitian matrices ({@link Hermitian#decompose}), so rounding
 * noise shows up as eigenvalues a little below zero; those are clamped to zero where a
 * square root or a logarithm would otherwise fail on them. Conventions follow QuTiP so that
 * numbers can be compared with it directly: natural logarithms unless a base is given, and
 * the fidelity is NOT squared.
 */
public final class InformationMeasures {

    /** Hermiticity tolerance (relative to the largest entry) for accepting an input as an operator. */
    private static final double HERMITIAN_TOL = 1e-9;

    private InformationMeasures() {}

    /** |ψ⟩⟨ψ| for a ket; a square matrix unchanged. */
    public static CMatrix densityOf(CMatrix ketOrRho) {
        if (isKet(ketOrRho)) return ketOrRho.projector();
        if (!ketOrRho.isSquare()) {
            throw new IllegalArgumentException("a state must be a ket or a square density matrix, got a "
                    + ketOrRho.rows + "×" + ketOrRho.cols + " matrix");
        }
        return ketOrRho;
    }

    /** Von Neumann entropy −Tr ρ log ρ, with the logarithm to the given base (Math.E for nats, 2 for bits). */
    public static double entropy(CMatrix state, double base) {
        checkBase(base);
        if (isKet(state)) return 0.0; // a ket is pure
        double sum = 0.0;
        for (double p : spectrum(densityOf(state))) {
            if (p > 0) sum -= p * Math.log(p); // 0 log 0 = 0; negative rounding noise is dropped too
        }
        return sum / Math.log(base);
    }

    /** Tr ρ²: 1 for a pure state, 1/d for the maximally mixed state of dimension d. */
    public static double purity(CMatrix state) {
        if (isKet(state)) {
            double n = state.norm();
            return n * n * n * n;
        }
        return state.traceOfProduct(state).getReal();
    }

    /**
     * Uhlmann fidelity in QuTiP's convention, F = Tr √(√ρ σ √ρ), NOT squared: for pure states
     * F = |⟨ψ|φ⟩|. Symmetric in its arguments and between 0 and 1.
     */
    public static double fidelity(CMatrix rho, CMatrix sigma) {
        // A ket gets the closed form √⟨ψ|σ|ψ⟩: the general route takes square roots of the
        // zero eigenvalues of a rank-one √ρ σ √ρ, whose rounding noise (~1e-17) would come
        // out as errors of ~1e-9. Rank-deficient density matrices keep that accuracy limit.
        if (isKet(rho) || isKet(sigma)) {
            CMatrix psi = isKet(rho) ? rho : sigma;
            CMatrix other = densityOf(isKet(rho) ? sigma : rho);
            sameDimension(psi, other, "fidelity");
            return Math.sqrt(Math.max(0.0, psi.adjoint().times(other).times(psi).trace().getReal()));
        }
        CMatrix r = densityOf(rho);
        CMatrix s = densityOf(sigma);
        sameDimension(r, s, "fidelity");
        CMatrix root = positiveSqrt(r);
        double sum = 0.0;
        for (double v : spectrum(hermitianPart(root.times(s).times(root)))) sum += Math.sqrt(Math.max(v, 0.0));
        return sum;
    }

    /** Trace distance ½ ‖ρ − σ‖₁ (between 0 and 1; 1 exactly for orthogonal supports). */
    public static double traceDistance(CMatrix rho, CMatrix sigma) {
        CMatrix r = densityOf(rho);
        CMatrix s = densityOf(sigma);
        sameDimension(r, s, "trace distance");
        return 0.5 * traceNorm(r.minus(s));
    }

    /** ‖A‖₁ = Σ |λ| for a Hermitian A. */
    public static double traceNorm(CMatrix hermitian) {
        double sum = 0.0;
        for (double v : spectrum(hermitian)) sum += Math.abs(v);
        return sum;
    }

    /**
     * The partial transpose on factor {@code system} of a space with factor dimensions
     * {@code dims} (first factor most significant, as in {@link SystemLayout}): the level of
     * that factor is swapped between the row and the column index of every entry.
     */
    public static CMatrix partialTranspose(CMatrix state, int[] dims, int system) {
        CMatrix rho = densityOf(state);
        int n = checkFactors(rho, dims, system);
        int stride = 1;
        for (int k = dims.length - 1; k > system; k--) stride *= dims[k];
        int d = dims[system];
        double[] re = rho.reals();
        double[] im = rho.imags();
        double[] outRe = new double[re.length];
        double[] outIm = new double[im.length];
        for (int r = 0; r < n; r++) {
            int rowLevel = (r / stride) % d;
            for (int c = 0; c < n; c++) {
                int colLevel = (c / stride) % d;
                int shift = (colLevel - rowLevel) * stride;
                int at = (r + shift) * n + (c - shift);
                outRe[at] = re[r * n + c];
                outIm[at] = im[r * n + c];
            }
        }
        return CMatrix.wrap(n, n, outRe, outIm);
    }

    /** Negativity (‖ρ^{T_A}‖₁ − 1)/2, with T_A the partial transpose on {@code system} (QuTiP's negativity). */
    public static double negativity(CMatrix state, int[] dims, int system) {
        return Math.max(0.0, (traceNorm(partialTranspose(state, dims, system)) - 1) / 2);
    }

    /** Logarithmic negativity log₂ ‖ρ^{T_A}‖₁. */
    public static double logNegativity(CMatrix state, int[] dims, int system) {
        return Math.max(0.0, Math.log(traceNorm(partialTranspose(state, dims, system))) / Math.log(2));
    }

    /**
     * Wootters' concurrence of a two-qubit state, max(0, λ₁ − λ₂ − λ₃ − λ₄) with λᵢ, descending,
     * the eigenvalues of √(√ρ ρ̃ √ρ), ρ̃ = (Y⊗Y) ρ* (Y⊗Y). This Hermitian form has the same λ
     * as the square roots of the eigenvalues of ρρ̃ but needs only a Hermitian eigensolver.
     */
    public static double concurrence(CMatrix state) {
        CMatrix rho = densityOf(state);
        if (rho.rows != 4) {
            throw new IllegalArgumentException("concurrence is defined for two qubits (dimension 4), got dimension " + rho.rows);
        }
        CMatrix yy = Spin.pauliY().kron(Spin.pauliY());
        if (isKet(state)) {
            // pure state: C = |⟨ψ|ψ̃⟩| with |ψ̃⟩ = (Y⊗Y)|ψ*⟩, exact where the general route loses ~1e-9 (see fidelity)
            return state.adjoint().times(yy).times(state.conjugate()).trace().abs();
        }
        CMatrix flipped = yy.times(rho.conjugate()).times(yy);
        CMatrix root = positiveSqrt(rho);
        double[] mu = spectrum(hermitianPart(root.times(flipped).times(root))); // ascending
        double largest = Math.sqrt(Math.max(mu[3], 0.0));
        double rest = 0.0;
        for (int k = 0; k < 3; k++) rest += Math.sqrt(Math.max(mu[k], 0.0));
        return Math.max(0.0, largest - rest);
    }

    /** S(ρ_a) + S(ρ_b) − S(ρ_ab) for two different systems a, b of {@code layout}, logarithms to {@code base}. */
    public static double mutualInformation(CMatrix state, SystemLayout layout, int a, int b, double base) {
        checkBase(base);
        if (a == b) {
            throw new IllegalArgumentException("mutual information needs two different systems, got '" + layout.name(a) + "' twice");
        }
        CMatrix rho = densityOf(state);
        checkFactors(rho, layout.dims(), Math.max(a, b));
        double sa = entropy(layout.partialTrace(rho, new int[] {a}), base);
        double sb = entropy(layout.partialTrace(rho, new int[] {b}), base);
        double sab = entropy(layout.partialTrace(rho, new int[] {a, b}), base);
        return sa + sb - sab;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isKet(CMatrix m) {
        return m.isColumn() && m.rows > 1;
    }

    /** Eigenvalues, ascending, of a Hermitian matrix (refusing a non-Hermitian one in a plain sentence). */
    private static double[] spectrum(CMatrix hermitian) {
        double scale = Math.max(1.0, MatrixFunctions.maxAbs(hermitian));
        if (!hermitian.isSquare() || !hermitian.isHermitian(HERMITIAN_TOL * scale)) {
            throw new IllegalArgumentException("the matrix is not Hermitian, so it is not a density matrix");
        }
        return Hermitian.decompose(hermitian).values();
    }

    /** (M + M†)/2: removes the rounding asymmetry of products like √ρ σ √ρ before an eigensolve. */
    private static CMatrix hermitianPart(CMatrix m) {
        return m.plus(m.adjoint()).scale(0.5);
    }

    /** √ρ of a positive semi-definite ρ, with eigenvalues just below zero (rounding) read as zero. */
    private static CMatrix positiveSqrt(CMatrix rho) {
        spectrum(rho); // for the Hermiticity check and its message
        return Hermitian.apply(rho, v -> Math.sqrt(Math.max(v, 0.0)));
    }

    private static void sameDimension(CMatrix r, CMatrix s, String what) {
        if (r.rows != s.rows) {
            throw new IllegalArgumentException("the " + what + " needs two states of the same dimension, got " + r.rows + " and " + s.rows);
        }
    }

    /** The dimension of {@code rho}, after checking it is the product of {@code dims} and {@code system} is one of them. */
    private static int checkFactors(CMatrix rho, int[] dims, int system) {
        long product = 1;
        for (int d : dims) product *= d;
        if (rho.rows != product) {
            throw new IllegalArgumentException("the state has dimension " + rho.rows + " but its factors have dimension " + product);
        }
        if (system < 0 || system >= dims.length) {
            throw new IllegalArgumentException("there is no factor " + system + " among " + dims.length);
        }
        return rho.rows;
    }

    private static void checkBase(double base) {
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
            throw new IllegalArgumentException("a logarithm base must be positive and not 1, got " + base);
        }
    }
}
