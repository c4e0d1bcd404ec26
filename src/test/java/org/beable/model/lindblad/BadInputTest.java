package org.beable.model.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.beable.experiment.Experiment;
import org.beable.model.ModelArguments;
import org.beable.model.ModelRegistry;
import org.beable.model.OntologicalModel;
import org.beable.quantum.CMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input is an IllegalArgumentException with a sentence that names the problem. */
class BadInputTest {
    private static final CMatrix ZERO = CMatrix.zeros(2, 2);
    private static final List<CMatrix> DEPHASING = List.of(Fixtures.Z);

    private static void assertRefused(Executable action, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String word : words) assertTrue(e.getMessage().contains(word), e.getMessage());
    }

    @Test
    void aNonHermitianHamiltonian() {
        CMatrix h = CMatrix.of(new double[][] {{0, 1}, {0, 0}}, null);
        assertRefused(() -> new LindbladModel(h, DEPHASING, 1), "H must be Hermitian");
    }

    @Test
    void aHamiltonianHermitianToRoundingIsAccepted() {
        CMatrix h = CMatrix.of(new double[][] {{1, 0.5}, {0.5 + 1e-15, -1}}, null);
        LindbladModel m = new LindbladModel(h, DEPHASING, 1);
        assertTrue(m.hamiltonian().orElseThrow().isHermitian(0));
    }

    @Test
    void operatorsOfDifferentDimensions() {
        assertRefused(() -> new LindbladModel(ZERO, List.of(Fixtures.Z.kron(Fixtures.Z)), 1), "jump operator 1 of 1", "4x4", "2x2");
        assertRefused(() -> new LindbladModel(ZERO, List.of(Fixtures.Z, CMatrix.zeros(3, 3)), 1), "jump operator 2 of 2");
    }

    @Test
    void operatorsThatAreNotSquareOrNotFinite() {
        assertRefused(() -> new LindbladModel(CMatrix.zeros(2, 3), DEPHASING, 1), "H must be a square matrix");
        assertRefused(() -> new LindbladModel(ZERO, List.of(CMatrix.zeros(2, 1)), 1), "square");
        CMatrix nan = CMatrix.of(new double[][] {{Double.NaN, 0}, {0, 0}}, null);
        assertRefused(() -> new LindbladModel(nan, DEPHASING, 1), "H", "finite");
        CMatrix infinite = CMatrix.of(new double[][] {{0, 0}, {Double.POSITIVE_INFINITY, 0}}, null);
        assertRefused(() -> new LindbladModel(ZERO, List.of(infinite), 1), "jump operator 1 of 1", "finite");
    }

    @Test
    void aNegativeOrNonFiniteTime() {
        assertRefused(() -> new LindbladModel(ZERO, DEPHASING, -0.1), "time", "≥ 0", "-0.1");
        assertRefused(() -> new LindbladModel(ZERO, DEPHASING, Double.NaN), "time");
        assertRefused(() -> new LindbladModel(ZERO, DEPHASING, Double.POSITIVE_INFINITY), "time");
    }

    @Test
    void anExperimentOnOtherSystems() {
        Experiment pair = Fixtures.bell(Fixtures.singlet(), new double[] {0}, new double[] {0}, 10);
        assertRefused(() -> new LindbladModel(ZERO, DEPHASING, 1).predict(pair, 0), "dimension 2", "dimension 4");
    }

    @Test
    void anEvolveStepBackwardsInTimeWithJumps() {
        Experiment back = Fixtures.single(Fixtures.ket(1, 0).projector(), List.of(Fixtures.evolve(Fixtures.X, -1), Fixtures.measure(0)), 0);
        assertRefused(() -> new LindbladModel(ZERO, DEPHASING, 0).predict(back, 0), "negative time");
        // Without jumps it is unitary and runs backwards as in quantum mechanics.
        assertEquals(Math.pow(Math.cos(1), 2), new LindbladModel(ZERO, List.of(), 0).predict(back, 0).orElseThrow()[0], 1e-14);
    }

    @Test
    void ratesTimesTimeBeyondReach() {
        // Four qubits (the Taylor series), a dephasing rate of 1e7 for a time of 10.
        CMatrix jump = Fixtures.on(4, 0, Fixtures.Z).scale(Math.sqrt(1e7));
        LindbladModel m = new LindbladModel(CMatrix.zeros(16, 16), List.of(jump), 10);
        Experiment e = Fixtures.pair(4, CMatrix.identity(16).scale(1.0 / 16), List.of(Fixtures.measure(0, 1)), new double[] {0}, new double[] {0}, 10);
        assertRefused(() -> m.predict(e, 0), "too large to follow");
    }

    @Test
    void theSpecIsRegisteredAndTakesOperators() {
        assertEquals(LindbladModel.SPEC, ModelRegistry.find("lindblad").orElseThrow());
        assertEquals(List.of("H", "jumps", "time"), LindbladModel.SPEC.parameters().stream().map(p -> p.name()).toList());
        OntologicalModel m = LindbladModel.SPEC.create(new ModelArguments(LindbladModel.SPEC,
                Map.of("H", Fixtures.Z, "jumps", List.of(Fixtures.LOWER), "time", 2.0)));
        assertEquals("lindblad", m.name());
        assertEquals(2.0, ((LindbladModel) m).time());
        // Jumps alone: H is zero on their systems.
        LindbladModel jumpsOnly = (LindbladModel) LindbladModel.SPEC.create(new ModelArguments(LindbladModel.SPEC, Map.of("jumps", DEPHASING)));
        assertEquals(ZERO, jumpsOnly.hamiltonian().orElseThrow());
        assertEquals(0.0, jumpsOnly.time());
    }

    @Test
    void theSpecRefusesWhatIsNotAnOperator() {
        ModelArguments wrongH = new ModelArguments(LindbladModel.SPEC, Map.of("H", 1.0));
        assertRefused(() -> LindbladModel.SPEC.create(wrongH), "H must be an operator");
        ModelArguments wrongJump = new ModelArguments(LindbladModel.SPEC, Map.of("H", Fixtures.Z, "jumps", List.of(Fixtures.Z, "x")));
        assertRefused(() -> LindbladModel.SPEC.create(wrongJump), "jump 2 of 2 must be an operator");
        ModelArguments negative = new ModelArguments(LindbladModel.SPEC, Map.of("H", Fixtures.Z, "time", -3.0));
        assertRefused(() -> LindbladModel.SPEC.create(negative), "time");
    }
}
