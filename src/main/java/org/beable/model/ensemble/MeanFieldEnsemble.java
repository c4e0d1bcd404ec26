package org.beable.model.ensemble;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.format.Numbers;

/**
 * The N → ∞ limit: the copy rule's mean flows and the phase law as ordinary differential
 * equations in ρ_a = n_a/N and φ_a (eqs 32–33 with r = −½), integrated by the adaptive
 * Dormand–Prince 8(5,3) method at tolerances near machine precision. The flows are the copy rule
 * summed as written (two sin⁺ terms per pair), not a rewritten Schrödinger equation, so
 * agreement with exp(−iHt) tests the rule itself.
 */
final class MeanFieldEnsemble implements Ensemble {
    private static final double TOLERANCE = 1e-13;

    private final int size;
    private final long members;
    private final double spectators;
    private final double[] y;
    private final CopyRule rule;

    MeanFieldEnsemble(EnsembleState state, CopyRule rule) {
        this.rule = rule;
        this.size = state.classes();
        this.members = state.members();
        this.spectators = (double) state.spectatorsPerValue() / members;
        this.y = new double[2 * size];
        for (int a = 0; a < size; a++) {
            y[a] = state.frequency(a);
            double phase = state.classPhase(a);
            y[size + a] = Double.isNaN(phase) ? 0 : phase;
        }
    }

    @Override public int classes() { return size; }
    @Override public long members() { return members; }
    @Override public double frequency(int value) { return y[value]; }
    @Override public double phase(int value) { return y[size + value]; }
    @Override public double spread(int value) { return 0; }
    @Override public long copies() { return 0; }

    @Override
    public EnsembleState state() {
        long[] counts = new long[size];
        double[] phases = new double[size];
        for (int a = 0; a < size; a++) {
            counts[a] = Math.round(y[a] * members);
            phases[a] = y[size + a];
        }
        return EnsembleState.ofFrequencies(java.util.Arrays.copyOf(y, size), counts, phases, Math.round(spectators * members));
    }

    @Override
    public void step(Couplings c, double time, double h, UniformRandomProvider rng) {
        if (spectators > 0) {
            double[] rho = java.util.Arrays.copyOf(y, size);
            double[] phi = java.util.Arrays.copyOfRange(y, size, 2 * size);
            ClassDynamics.slaveSpectatorPhases(c, rho, phi, spectators, spectators + 0.5 / members, rule);
            System.arraycopy(phi, 0, y, size, size);
        }
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-9 * h, h, TOLERANCE, TOLERANCE);
        double[] rho = new double[size];
        double[] phi = new double[size];
        double[] flow = new double[c.pairs()];
        double[] velocity = new double[size];
        FirstOrderDifferentialEquations equations = new FirstOrderDifferentialEquations() {
            @Override public int getDimension() { return 2 * size; }

            @Override
            public void computeDerivatives(double t, double[] state, double[] derivative) {
                for (int a = 0; a < size; a++) {
                    rho[a] = Math.max(0, state[a]);
                    phi[a] = state[size + a];
                }
                ClassDynamics.flows(c, rho, phi, spectators, rule, flow);
                java.util.Arrays.fill(derivative, 0, size, 0);
                for (int p = 0; p < flow.length; p++) {
                    derivative[c.first[p]] += flow[p];
                    derivative[c.second[p]] -= flow[p];
                }
                ClassDynamics.phaseVelocity(c, rho, phi, velocity);
                System.arraycopy(velocity, 0, derivative, size, size);
            }
        };
        try {
            integrator.integrate(equations, time, y, time + h, y);
        } catch (MathIllegalStateException e) {
            int smallest = 0;
            for (int a = 1; a < size; a++) if (y[a] < y[smallest]) smallest = a;
            throw new IllegalArgumentException("the N → ∞ equations cannot be integrated past t = " + Numbers.format(time)
                    + ": n_" + smallest + "/N comes near 0, where the phase law's √(n_b/n_a) diverges; use level = class (a finite ensemble)");
        }
    }
}
