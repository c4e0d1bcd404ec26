package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.beable.experiment.Experiment;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Spin;
import org.junit.jupiter.api.Test;

/**
 * Measurements in sequence with dissipation in between, against the same computation done by hand
 * with the textbook equation: decohere for the model's time, project A (Lüders), evolve the branch
 * with H + H' and the jumps, project B; a `none` setting skips its projection.
 */
class SequenceTest {
    private static final double NONE = Double.NaN;

    private static CMatrix projector(int n, int qubit, double angle, int outcome) {
        CMatrix ket = outcome == 0 ? Spin.up(angle) : Spin.down(angle);
        return Fixtures.on(n, qubit, ket.projector());
    }

    @Test
    void branchesEvolveUnderTheMasterEquationBetweenMeasurements() {
        Random rng = new Random(21);
        CMatrix h = Fixtures.randomHermitian(4, rng, 0.8);
        CMatrix drive = Fixtures.randomHermitian(4, rng, 1.2);
        List<CMatrix> jumps = List.of(Fixtures.on(2, 0, Fixtures.LOWER).scale(0.6), Fixtures.on(2, 1, Fixtures.Z).scale(0.4));
        CMatrix rho = Fixtures.randomState(4, rng);
        double time = 0.7;
        double stepTime = 1.1;
        double[] as = {0.3, NONE};
        double[] bs = {-1.2};
        Experiment e = Fixtures.pair(2, rho, List.of(Fixtures.measure(0), Fixtures.evolve(drive, stepTime), Fixtures.measure(1)), as, bs, 100);
        LindbladModel m = new LindbladModel(h, jumps, time);

        CMatrix decohered = ReferenceSolution.evolve(h, jumps, rho, time);
        // A measured at 0.3: outcomes (A, B) in the order ++, +−, −+, −−.
        double[] measured = m.predict(e, 0).orElseThrow();
        for (int a = 0; a < 2; a++) {
            CMatrix pa = projector(2, 0, as[0], a);
            CMatrix branch = ReferenceSolution.evolve(h.plus(drive), jumps, pa.times(decohered).times(pa), stepTime);
            for (int b = 0; b < 2; b++) {
                double expected = projector(2, 1, bs[0], b).traceOfProduct(branch).getReal();
                assertEquals(expected, measured[2 * a + b], 1e-12, "A = " + a + ", B = " + b);
            }
        }
        // A set to none: only B's two outcomes.
        double[] unmeasured = m.predict(e, 1).orElseThrow();
        CMatrix whole = ReferenceSolution.evolve(h.plus(drive), jumps, decohered, stepTime);
        assertEquals(2, unmeasured.length);
        for (int b = 0; b < 2; b++) {
            assertEquals(projector(2, 1, bs[0], b).traceOfProduct(whole).getReal(), unmeasured[b], 1e-12, "B = " + b);
        }
    }
}
