package org.beable.model.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.concurrent.Cancellation;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;

/**
 * The choices the paper leaves open (docs/models/ensemble.md, "Choices in the copy rule"): copying
 * off with H kept, eq 39 as printed, the spectators' copy rule and phase, the alignment energy and
 * the two deviations — each against a computation written here.
 */
class CopyChoicesTest {
    private static final CopyRule LITERAL_ORDER = new CopyRule(true, CopyRule.Order.LITERAL, CopyRule.SpectatorCopy.NEVER,
            CopyRule.SpectatorPhase.INFLOW);
    private static final CopyRule LITERAL_SPECTATORS = new CopyRule(true, CopyRule.Order.RESOLVED, CopyRule.SpectatorCopy.LITERAL,
            CopyRule.SpectatorPhase.INFLOW);

    @Test
    void theParametersAreReadAsWords() {
        CopyRule rule = Fixtures.options("copying", "off", "copy_order", "literal", "spectator_copy", "literal",
                "spectator_phase", "law").copyRule();
        assertEquals(new CopyRule(false, CopyRule.Order.LITERAL, CopyRule.SpectatorCopy.LITERAL, CopyRule.SpectatorPhase.LAW), rule);
        assertEquals(CopyRule.DEFAULT, Fixtures.options().copyRule());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.options("copy_order", "backwards"));
        assertTrue(e.getMessage().contains("copy_order = backwards is not one of: resolved, literal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Fixtures.options("copying", "sometimes"));
        assertTrue(e.getMessage().contains("not one of: on, off"), e.getMessage());
    }

    @Test
    void eq39AsPrintedPutsTheCopiersPhaseFirst() {
        Couplings c = Couplings.of(Fixtures.twoLevelH(), "H");          // R = 0.5, δ = 0.3
        double[] flow = new double[1];
        for (double theta = -3; theta <= 3; theta += 0.25) {
            ClassDynamics.flows(c, new double[] {0.5, 0.5}, new double[] {theta, 0}, 0, LITERAL_ORDER, flow);
            assertEquals(2 * 0.5 * 0.5 * Math.sin(-theta + 0.3), flow[0], 1e-15);
        }
        // ... and then the ensemble does not follow exp(−iHt), even as N → ∞
        CMatrix psi = Fixtures.twoLevelPsi();
        EnsembleHistory printed = Fixtures.model("level", "mean_field", "copy_order", "literal")
                .history(Fixtures.twoLevelH(), psi, 4, null, 1, 1, Cancellation.none());
        EnsembleHistory resolved = Fixtures.model("level", "mean_field")
                .history(Fixtures.twoLevelH(), psi, 4, null, 1, 1, Cancellation.none());
        assertTrue(resolved.deviation() < 1e-9, "resolved D = " + resolved.deviation());
        assertTrue(printed.deviation() > 0.05, "as printed D = " + printed.deviation());
    }

    @Test
    void spectatorsCopyUnderThePapersLiteralRuleWhileTheirClassKeepsMore() {
        Couplings c = Couplings.of(Fixtures.rabi(), "H");
        double[] flow = new double[1];
        double[] phi = {Math.PI / 2, 0};                                 // members of value 1 copy value 0
        ClassDynamics.flows(c, new double[] {0.8, 0.2}, phi, 0.1, LITERAL_SPECTATORS, flow);
        assertEquals(2 * 0.5 * Math.sqrt(0.16), flow[0], 1e-15);        // every member of value 1 copies (never: half)
        ClassDynamics.flows(c, new double[] {0.9, 0.1}, phi, 0.1, LITERAL_SPECTATORS, flow);
        assertEquals(0, flow[0], 0);                                     // n_1 = s: the class keeps its spectators
        // At class level a Rabi flip keeps n_1 ≥ s under both rules, and the rules differ
        long n = 2000;
        for (String rule : new String[] {"never", "literal"}) {
            EnsembleHistory h = Fixtures.model("members", n, "spectators", 20, "spectator_copy", rule)
                    .history(Fixtures.rabi(), Fixtures.ket(0, 1), 3, 0.1, 4, 1, Cancellation.none());
            for (double[] f : h.frequencies()) assertTrue(f[0] >= 20.0 / n - 1e-12 && f[1] >= 20.0 / n - 1e-12, rule);
        }
    }

    /** With copying off the occupations stay and the phases follow the phase law at fixed ρ: here by RK4. */
    @Test
    void copyingOffKeepsTheOccupationsAndTurnsThePhasesUnderH() {
        CMatrix h = Fixtures.twoLevelH();
        CMatrix psi = Fixtures.twoLevelPsi();
        double t = 2;
        EnsembleHistory frozen = Fixtures.model("level", "mean_field", "copying", "off").history(h, psi, t, 0.5, 1, 1, Cancellation.none());
        for (double[] f : frozen.frequencies()) {
            assertEquals(0.7, f[0], 1e-15);
            assertEquals(0.3, f[1], 1e-15);
        }
        // φ̇_0 = ω_0 + R √(ρ_1/ρ_0) cos(φ_0 − φ_1 + δ), φ̇_1 = ω_1 + R √(ρ_0/ρ_1) cos(φ_1 − φ_0 − δ); ω = 0, R = 0.5, δ = 0.3
        double[] phi = {0, 1};                                            // −arg ψ: ψ_1 = √0.3 e^{−i}
        int steps = 20000;
        double dt = t / steps;
        for (int k = 0; k < steps; k++) {
            double[] k1 = law(phi);
            double[] k2 = law(new double[] {phi[0] + dt / 2 * k1[0], phi[1] + dt / 2 * k1[1]});
            double[] k3 = law(new double[] {phi[0] + dt / 2 * k2[0], phi[1] + dt / 2 * k2[1]});
            double[] k4 = law(new double[] {phi[0] + dt * k3[0], phi[1] + dt * k3[1]});
            for (int a = 0; a < 2; a++) phi[a] += dt / 6 * (k1[a] + 2 * k2[a] + 2 * k3[a] + k4[a]);
        }
        double[] last = frozen.phases().get(frozen.phases().size() - 1);
        for (int a = 0; a < 2; a++) assertEquals(0, Math.IEEEremainder(phi[a] - last[a], 2 * Math.PI), 1e-9, "φ_" + a);
        // the class and member levels keep the occupations too (nobody copies)
        for (String level : new String[] {"class", "member"}) {
            EnsembleHistory run = Fixtures.model("level", level, "members", 1000, "copying", "off").history(h, psi, t, 0.5, 2, 1, Cancellation.none());
            assertEquals(0, run.copies(), level);
            assertEquals(0.7, run.last()[0], 1e-15, level);
        }
    }

    private static double[] law(double[] phi) {
        double r = 0.5;
        double delta = 0.3;
        return new double[] {r * Math.sqrt(0.3 / 0.7) * Math.cos(phi[0] - phi[1] + delta),
                r * Math.sqrt(0.7 / 0.3) * Math.cos(phi[1] - phi[0] - delta)};
    }

    @Test
    void theSpectatorsPhaseIsAChoice() {
        // |0> under a Rabi flip: value 1 is held by its spectators alone at first
        EnsembleHistory inflow = Fixtures.model("level", "mean_field", "spectators", 10, "members", 100_000)
                .history(Fixtures.rabi(), Fixtures.ket(1, 0), 6, 0.1, 1, 1, Cancellation.none());
        EnsembleHistory law = Fixtures.model("level", "mean_field", "spectators", 10, "members", 100_000, "spectator_phase", "law")
                .history(Fixtures.rabi(), Fixtures.ket(1, 0), 6, 0.1, 1, 1, Cancellation.none());
        assertTrue(inflow.deviation() < 0.02, "inflow D = " + inflow.deviation());
        assertTrue(Math.abs(inflow.deviation() - law.deviation()) > 1e-6, inflow.deviation() + " vs " + law.deviation());
    }

    @Test
    void theTwoDeviationsAreNamedAndTheSampledOneIsTheMaxOverTheSamples() {
        EnsembleHistory h = Fixtures.model("members", 3000).history(Fixtures.twoLevelH(), Fixtures.twoLevelPsi(), 8, 1.0, 9, 1,
                Cancellation.none());
        double worst = 0;
        for (int k = 0; k < h.times().size(); k++) {
            for (int a = 0; a < 2; a++) worst = Math.max(worst, Math.abs(h.frequencies().get(k)[a] - h.born().get(k)[a]));
        }
        assertEquals(worst, h.sampleDeviation(), 0);
        assertTrue(h.sampleDeviation() <= h.deviation());
        assertTrue(h.sampleDeviation() < h.deviation(), "every step sees more than 9 samples: " + h.sampleDeviation());
    }

    /** E = Σ(π²/2 + π ω) + (f²/2) ΣΣ sin²: conserved with a diagonal H and no damping, falling with damping. */
    @Test
    void theAlignmentEnergyIsReported() {
        CMatrix diagonal = CMatrix.of(new double[][] {{0.3, 0}, {0, -0.2}}, null);
        EnsembleHistory free = Fixtures.model("level", "member", "members", 400, "f", 1, "spread", 0.5, "dt", 0.001)
                .history(diagonal, Fixtures.twoLevelPsi(), 2, 0.25, 3, 1, Cancellation.none());
        List<Double> e = free.energies();
        assertEquals(free.times().size(), e.size());
        assertTrue(e.get(0) > 1, "the spread phases carry potential energy: " + e.get(0));
        for (double x : e) assertEquals(e.get(0), x, 1e-4 * e.get(0));
        EnsembleHistory damped = Fixtures.model("level", "member", "members", 400, "f", 1, "spread", 0.5, "damping", 2)
                .history(diagonal, Fixtures.twoLevelPsi(), 2, 0.25, 3, 1, Cancellation.none());
        List<Double> d = damped.energies();
        for (int k = 1; k < d.size(); k++) assertTrue(d.get(k) <= d.get(k - 1) + 1e-9, "falls with damping at sample " + k);
        assertTrue(d.get(d.size() - 1) < 0.8 * d.get(0));
        assertTrue(Fixtures.model("members", 100).history(diagonal, Fixtures.twoLevelPsi(), 1, 0.5, 3, 1, Cancellation.none()).energies().isEmpty());
    }
}
