package org.beable.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beable.golden.InProcess;
import org.beable.golden.InProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `evolve H for t` in an experiment on 12 qubits: built and predicted under quantum with the
 * default flags, and with a dense limit of 64 too — which shows that no 4096 × 4096 matrix (ρ, H,
 * exp(−iHt), a lifted projector) is made on the way — while a model that needs one is refused.
 */
class ExperimentAtScaleTest {
    @TempDir
    Path folder;

    /** A quench of the 12-qubit Ising chain, two middle spins measured in settings; checks itself against evolve()/expect(). */
    private static final String QUENCH = """
            system q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12 : qubit
            let qs = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12]
            let H = on(X, q1)
            for k in 1 .. 11 { H = H + on(X, qs[k]) + 0.7 * on(Z, qs[k-1]) * on(Z, qs[k]) }
            detector A on q6 = spin(a)
            detector B on q7 = spin(b)
            experiment quench {
              prepare |000000000000>
              evolve H for 0.8
              measure A, B
              settings a in {0, pi/2}, b in {0, pi/4}
              trials 1000
            }
            let p = predict quench under quantum
            let psi = evolve(|000000000000>, H, 0.8)
            fn up(angle) = (I + cos(angle) * Z + sin(angle) * X) / 2
            for a in [0, pi/2] {
              for b in [0, pi/4] {
                assert prob(p, A = +1, B = +1, a = a, b = b) ≈ expect(on(up(a), q6) * on(up(b), q7), psi) within 1e-10
              }
            }
            let r = run quench under quantum
            print "predicted and ran"
            """;

    /** Ctrl-C in the REPL during a long `evolve` step of a prediction: the Lanczos steps stop, the session goes on. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aLongEvolveStepInAPredictionIsCancelled() throws Exception {
        java.util.List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.beable.interp.Interpreter session = new org.beable.interp.Interpreter(org.beable.interp.Interpreter.Options.defaults(),
                values -> printed.add(values.toString()));
        session.run(new org.beable.syntax.Source("setup", QUENCH.substring(0, QUENCH.indexOf("let p =")).replace("for 0.8", "for 100")));
        Thread predicting = new Thread(() -> {
            try {
                session.run(new org.beable.syntax.Source("predict", "let p = predict quench under quantum\n"));
                printed.add("finished");
            } catch (org.beable.concurrent.CancelledException expected) {
                printed.add("cancelled");
            }
        });
        predicting.start();
        Thread.sleep(300);
        session.cancellation().cancel();
        predicting.join();
        assertEquals(java.util.List.of("cancelled"), printed);
        session.cancellation().reset();
        session.run(new org.beable.syntax.Source("after", "print 6 * 7\n"));
        assertEquals("[42.0]", printed.get(1));
    }

    private Result run(String script, String... flags) throws IOException {
        Path file = folder.resolve("scale.beable");
        Files.writeString(file, script);
        String[] args = new String[flags.length + 1];
        System.arraycopy(flags, 0, args, 0, flags.length);
        args[flags.length] = file.toString();
        return InProcess.run(args);
    }

    @Test
    void twelveQubitsRunUnderTheDefaultFlags() throws IOException {
        Result r = run(QUENCH);
        assertEquals(0, r.exit(), r.describe());
        assertEquals("predicted and ran\n", r.out(), r.describe());
    }

    @Test
    void noDenseMatrixOfTheSpaceIsMadeForTheQuantumModel() throws IOException {
        Result r = run(QUENCH, "--max-dim", "64");
        assertEquals(0, r.exit(), r.describe());
    }

    @Test
    void aModelThatNeedsDenseMatricesIsRefusedWithTheLimitNamed() throws IOException {
        Result r = run(QUENCH + "let g = predict quench under grw\n", "--max-dim", "64");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("scale.beable:24:9: grw: "), r.err());
        assertTrue(r.err().contains("has dimension 4096, over the limit of 64 for dense matrices"), r.err());
        assertTrue(r.err().contains("hint: raise the limit with --max-dim N"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
