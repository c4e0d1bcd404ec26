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
 * `load "counts.csv"` (and JSON): Beable's own export and a plain table read into a result the
 * analyses accept, with the same numbers as the run they came from; malformed files give located errors.
 */
class MeasuredDataTest {
    @TempDir
    Path folder;

    private Result run(String script) throws IOException {
        Path file = folder.resolve("script.beable");
        Files.writeString(file, script);
        return InProcess.run(file.toString(), "--out", folder.toString());
    }

    private static final String SETUP = """
            use bell
            seed 5
            system alice : qubit
            system bob   : qubit
            detector A on alice = spin(a)
            detector B on bob   = spin(b)
            experiment e {
              prepare singlet
              measure A, B
              settings a in {0, pi/2}, b in {pi/4, -pi/4}
              trials 3000
            }
            """;

    private void succeeds(Result r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** Exported as CSV and as JSON and loaded back, with and without the experiment: every analysis gives the run's numbers. */
    @Test
    void beablesOwnExportLoadsBackToTheSameAnalyses() throws IOException {
        Result r = run(SETUP + """
                let r = run e under retrocausal(gamma = 0.2)
                export r to "r.csv"
                export r to "r.json"
                for d in [load "r.csv" for e, load "r.json" for e, load "r.csv", load "r.json"] {
                  assert chsh(d) ≈ chsh(r).value within 1e-12
                  assert chsh(d).standardError ≈ chsh(r).standardError within 1e-12
                  assert correlation(d, A, B, a = pi/2, b = -pi/4) ≈ correlation(r, A, B, a = pi/2, b = -pi/4).value within 1e-12
                  assert prob(d, A = +1, B = -1, a = 0, b = pi/4) ≈ prob(r, A = +1, B = -1, a = 0, b = pi/4).value within 1e-12
                  assert signalling(d).minPValue ≈ signalling(r).minPValue within 1e-12
                  assert born_deviation(d, predict e).pValue ≈ born_deviation(r, predict e).pValue within 1e-12
                }
                let m = load "r.csv" for e
                assert born_deviation(m).pValue ≈ born_deviation(r).pValue within 1e-12
                print marginal(m, A)
                """);
        succeeds(r);
        assertTrue(r.out().contains("measured (r.csv)"), r.out());
    }

    /** A plain table written by hand: outcomes as 1 / -1, settings in a different order, comments, quoted cells. */
    @Test
    void aPlainTableWithItsOwnOrder() throws IOException {
        Files.writeString(folder.resolve("plain.csv"), """
                # made by hand
                b,a,A,B,count
                0.785398163,0,1,1,10
                0.785398163,0,1,-1,40
                0.785398163,0,-1,1,40
                0.785398163,0,-1,-1,10
                -0.785398163,0,1,1,10
                -0.785398163,0,1,-1,40
                -0.785398163,0,-1,1,40
                -0.785398163,0,-1,-1,10
                0.785398163,1.570796327,1,1,10
                0.785398163,1.570796327,1,-1,40
                0.785398163,1.570796327,-1,1,40
                0.785398163,1.570796327,-1,-1,10
                -0.785398163,1.570796327,1,1,40
                -0.785398163,1.570796327,1,-1,10
                -0.785398163,1.570796327,-1,1,10
                "-0.785398163",1.570796327,-1,-1,"40"
                """);
        Result r = run(SETUP + """
                let d = load "plain.csv" for e
                assert correlation(d, A, B, a = 0, b = pi/4) ≈ -0.6 within 1e-12
                assert correlation(d, A, B, a = pi/2, b = -pi/4) ≈ 0.6 within 1e-12
                assert chsh(d) ≈ 2.4 within 1e-12
                assert prob(d, A = +1, a = 0, b = pi/4) ≈ 0.5 within 1e-12
                let bare = load "plain.csv"
                assert chsh(bare) ≈ 2.4 within 1e-12
                """);
        succeeds(r);
    }

    private void failsAt(Result r, String where, String... phrases) {
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(where), "located at " + where + ": " + r.err());
        for (String phrase : phrases) assertTrue(r.err().contains(phrase), "'" + phrase + "' in: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.err());
    }

    @Test
    void malformedFilesGiveLocatedErrors() throws IOException {
        Files.writeString(folder.resolve("nocount.csv"), "a,b,A,B,n\n0,0.785398163,+1,+1,3\n");
        failsAt(run(SETUP + "let d = load \"nocount.csv\" for e\n"), "nocount.csv:1:", "no count column");

        Files.writeString(folder.resolve("nob.csv"), "a,b,A,count\n0,0.785398163,+1,3\n");
        failsAt(run(SETUP + "let d = load \"nob.csv\" for e\n"), "nob.csv:1:", "no column 'B'", "measures (a detector)");

        Files.writeString(folder.resolve("negative.csv"), "# header comment\na,b,A,B,count\n0,0.785398163,+1,+1,3\n0,0.785398163,+1,-1,-2\n");
        Result negative = run(SETUP + "let d = load \"negative.csv\" for e\n");
        failsAt(negative, "negative.csv:4:", "the count -2 is negative");
        assertTrue(negative.err().contains("0,0.785398163,+1,-1,-2"), "the file's line is shown: " + negative.err());

        Files.writeString(folder.resolve("missing.csv"), """
                a,b,A,B,count
                0,0.785398163,+1,+1,3
                0,-0.785398163,+1,+1,3
                1.570796327,0.785398163,-1,+1,3
                """);
        failsAt(run(SETUP + "let d = load \"missing.csv\" for e\n"), "script.beable:13:", "no trials under a=pi/2, b=-pi/4");

        Files.writeString(folder.resolve("badvalue.csv"), "a,b,A,B,count\n0,0.3,+1,+1,3\n");
        failsAt(run(SETUP + "let d = load \"badvalue.csv\" for e\n"), "badvalue.csv:2:", "setting 'b' has no value 0.3");

        Files.writeString(folder.resolve("badoutcome.csv"), "a,b,A,B,count\n0,0.785398163,up,+1,3\n");
        failsAt(run(SETUP + "let d = load \"badoutcome.csv\" for e\n"), "badoutcome.csv:2:", "detector A has no outcome up");

        Files.writeString(folder.resolve("twice.csv"), "a,b,A,B,count\n0,0.785398163,+1,+1,3\n0,0.785398163,+1,+1,4\n");
        failsAt(run(SETUP + "let d = load \"twice.csv\" for e\n"), "twice.csv:3:", "repeats the settings and outcomes of line 2");

        Files.writeString(folder.resolve("half.csv"), "a,b,A,B,count\n0,0.785398163,+1,+1,2.5\n");
        failsAt(run(SETUP + "let d = load \"half.csv\" for e\n"), "half.csv:2:", "not a whole number");

        Files.writeString(folder.resolve("bad.json"), "[{\"a\": 0, \"b\": 0.785398163, \"A\": \"+1\", \"B\": \"+1\"}]");
        failsAt(run(SETUP + "let d = load \"bad.json\" for e\n"), "script.beable:13:", "bad.json", "no count column");

        failsAt(run(SETUP + "let d = load \"absent.csv\"\n"), "script.beable:13:", "no such file", "relative to the script's folder");
    }
}
