/**
 * The linear-algebra kernel of Beable: immutable dense complex matrices ({@link
 * org.beable.quantum.CMatrix}), Hermitian spectral calculus, matrix functions, the index
 * arithmetic of composite systems, spin observables and the Born rule.
 *
 * <p>Conventions (from docs/models/quantum.md): ħ = 1; |0> is spin up along z;
 * composite kets list factors in declaration order with the first system most significant,
 * {@code |01> = |0>_first ⊗ |1>_second}; {@code spin(θ) = σ·n} with n = (sin θ, 0, cos θ).
 *
 * <p>This package depends only on Commons Math, never on another {@code org.beable} package.
 */
package org.beable.quantum;
