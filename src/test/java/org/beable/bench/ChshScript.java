package org.beable.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.beable.cli.TextOutput;
import org.beable.interp.Interpreter;
import org.beable.syntax.Source;

/** The CHSH experiment the script-model benchmarks run, and a quiet session to run it in. */
final class ChshScript {
    private ChshScript() {}

    /**
     * Alice's A and Bob's B measuring spin(a) and spin(b) on the singlet, at the CHSH angles;
     * Bob's detector may fail to click ({@code lossy}, for the detection-loophole model), and
     * {@code choice} is an extra line such as "choose random" (or empty).
     */
    static String experiment(String name, boolean lossy, long trials, String choice) {
        return "system alice, bob : qubit\n"
                + "detector A on alice = spin(a)\n"
                + "detector B on bob = spin(b)" + (lossy ? " noclick 0" : "") + "\n"
                + "experiment " + name + " {\n"
                + "  prepare (|01> - |10>) / sqrt(2)\n"
                + "  measure A, B\n"
                + "  settings a in {0, pi/2}, b in {pi/4, -pi/4}\n"
                + "  trials " + trials + "\n"
                + (choice.isEmpty() ? "" : "  " + choice + "\n")
                + "}\n";
    }

    /** A session with the model library loaded that prints nothing, after running {@code script}. */
    static Interpreter session(String script) {
        Interpreter interpreter = new Interpreter(Interpreter.Options.defaults(), new TextOutput(new PrintStream(new ByteArrayOutputStream())));
        interpreter.run(new Source("bench", "use models\n" + script));
        return interpreter;
    }
}
