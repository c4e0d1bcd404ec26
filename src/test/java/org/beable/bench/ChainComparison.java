package org.beable.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.beable.cli.Main;

/**
 * The Java half of {@code bench/compare/run-chain}: the transverse-field Ising chain of issue 12,
 * H = Σ X_k + 0.7 Σ Z_k Z_k+1 on n qubits, built and evolved from |0…0⟩ to t = 1 by a Beable
 * script run in-process through {@link Main#run}, printing ⟨Z_1⟩ and ⟨Z_1 Z_2⟩ and the time as
 * {@code label value} lines ({@code bench/compare/chain.py} prints the same for QuTiP).
 *
 * <p>Each size runs {@link #PASSES} times in one JVM; {@code time_s} is the best (the first is
 * cold: class loading and JIT). Sizes come from the arguments (default 10 12 14).
 */
public final class ChainComparison {

    private static final int PASSES = 20;

    private ChainComparison() {}

    static String script(int qubits) {
        StringBuilder names = new StringBuilder();
        for (int k = 1; k <= qubits; k++) {
            names.append(k > 1 ? ", " : "").append('q').append(k);
        }
        return "system " + names + " : qubit\n"
                + "let qs = [" + names + "]\n"
                + "let H = on(X, q1)\n"
                + "for k in 1 .. " + (qubits - 1) + " { H = H + on(X, qs[k]) + 0.7 * on(Z, qs[k-1]) * on(Z, qs[k]) }\n"
                + "let out = evolve(|" + "0".repeat(qubits) + ">, H, 1.0)\n"
                + "print expect(on(Z, q1), out)\n"
                + "print expect(on(Z, q1) * on(Z, q2), out)\n";
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--print-script")) {
            System.out.print(script(Integer.parseInt(args[1])));
            return;
        }
        int[] sizes = args.length == 0 ? new int[] {10, 12, 14} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("beable-chain");
        for (int qubits : sizes) {
            Path file = dir.resolve("chain" + qubits + ".beable");
            Files.writeString(file, script(qubits));
            double best = Double.POSITIVE_INFINITY;
            String printed = "";
            for (int pass = 0; pass < PASSES; pass++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                long start = System.nanoTime();
                int status = Main.run(new String[] {"--max-dim", "65536", "--format", "json", file.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                best = Math.min(best, (System.nanoTime() - start) * 1e-9);
                if (status != 0) {
                    throw new IllegalStateException("the chain script failed: " + err.toString(StandardCharsets.UTF_8));
                }
                printed = out.toString(StandardCharsets.UTF_8);
            }
            // JSON output: "output" : [ z1, z1z2 ] with every digit
            String[] values = printed.substring(printed.indexOf('[') + 1, printed.indexOf(']')).split(",");
            String label = "chain/n=" + qubits + "/";
            System.out.printf(Locale.ROOT, "%stime_s %.6f%n", label, best);
            System.out.printf(Locale.ROOT, "%sz1 %s%n", label, values[0].strip());
            System.out.printf(Locale.ROOT, "%sz1z2 %s%n", label, values[1].strip());
        }
    }
}
