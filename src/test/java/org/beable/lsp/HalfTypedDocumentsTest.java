package org.beable.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.beable.interp.Interpreter;
import org.beable.repl.HelpTopics;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzz by prefix: every example, stdlib module and golden script cut at line boundaries (all of
 * them for a short script, sixteen spread evenly over a long one) and at random points (what an editor holds while someone types it) gives diagnostics, completion,
 * hover, signature help, symbols and semantic tokens without an exception. Seeded, so a failure
 * repeats; this is the analysis the server runs for each request, without the pipe.
 */
class HalfTypedDocumentsTest {
    private static final Interpreter SESSION = new Interpreter(Interpreter.Options.defaults(), values -> { });
    private static final int LINE_CUTS = 16;
    private static final int RANDOM_CUTS = 6;

    private static List<Path> scripts() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String folder : List.of("examples", "stdlib", "src/test/resources/golden")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(p -> p.toString().endsWith(".beable")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPrefixIsAnsweredWithoutAnException() throws IOException {
        Completions completions = new Completions(SESSION);
        HelpTopics help = HelpTopics.load();
        Hovers hovers = new Hovers(SESSION, help);
        Signatures signatures = new Signatures(SESSION, help);
        SemanticTokenEncoder tokens = new SemanticTokenEncoder(SESSION);
        return scripts().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Integer> lineEnds = new ArrayList<>();
            for (int k = 0; k < text.length(); k++) if (text.charAt(k) == '\n') lineEnds.add(k + 1);
            // every line boundary of a short script; of a long one, an even sample of them (the suite stays fast)
            TreeSet<Integer> cuts = new TreeSet<>();
            int step = Math.max(1, (lineEnds.size() + LINE_CUTS - 1) / LINE_CUTS);
            for (int k = 0; k < lineEnds.size(); k += step) cuts.add(lineEnds.get(k));
            SplittableRandom random = new SplittableRandom(file.toString().hashCode());
            for (int k = 0; k < RANDOM_CUTS && !text.isEmpty(); k++) cuts.add(random.nextInt(text.length() + 1));
            String uri = file.toAbsolutePath().toUri().toString();
            for (int cut : cuts) {
                String prefix = text.substring(0, cut);
                Analysis analysis = new Analysis(SESSION, uri, prefix);
                assertNotNull(Diagnostics.of(analysis));
                int end = prefix.length();
                completions.at(analysis, end);
                hovers.at(analysis, Math.max(0, end - 2));
                signatures.at(analysis, end);
                Definitions.at(analysis, Math.max(0, end - 2));
                Symbols.of(analysis);
                tokens.of(analysis);
                analysis.positions.offset(new Position(analysis.positions.lineCount() + 3, 99));
            }
            assertFalse(cuts.isEmpty() && !text.isEmpty());
        }));
    }
}
