package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beable.cli.TextOutput;
import org.beable.interp.Builtin;
import org.beable.interp.Interpreter;
import org.beable.syntax.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every topic has help with an example, and every example runs in a fresh session. */
class HelpTopicsTest {
    private static final List<String> REQUIRED = List.of("let", "print", "for", "while", "if", "fn", "lambda", "assert", "use",
            "seed", "system", "state", "ket", "operators", "detector", "experiment", "settings", "choose", "trials", "evolve",
            "measure", "run", "predict", "quantum", "prob", "marginal", "correlation", "chsh", "signalling", "born_deviation",
            "row", "plot", "export", "repl");

    private final HelpTopics help = HelpTopics.load();

    @TempDir Path out;

    @Test
    void everyRequiredTopicHasTextAndAnExample() {
        for (String topic : REQUIRED) {
            assertTrue(help.has(topic), "no help topic " + topic);
            assertFalse(help.summary(topic).isBlank(), topic);
            assertFalse(help.example(topic).isBlank(), "no example in " + topic);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() {
        return help.topics().stream().map(topic -> DynamicTest.dynamicTest(topic, () -> {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Interpreter interpreter = new Interpreter(new Interpreter.Options(0, null, Interpreter.Options.DEFAULT_MAX_TRIALS,
                    Interpreter.Options.DEFAULT_MAX_DIMENSION, out), new TextOutput(new PrintStream(printed, true, StandardCharsets.UTF_8)));
            String example = help.example(topic);
            assertDoesNotThrow(() -> interpreter.run(new Source("help/" + topic, example)), () -> topic + ":\n" + example);
        }));
    }

    @Test
    void everyBuiltinHasASignatureAndOneLineOfHelp() {
        Interpreter interpreter = new Interpreter(Interpreter.Options.defaults(), new TextOutput(new PrintStream(new ByteArrayOutputStream())));
        for (Builtin b : interpreter.builtins().values()) {
            assertFalse(b.signature().isBlank(), b.name());
            assertFalse(b.help().isBlank(), b.name());
            assertFalse(b.help().contains("\n"), b.name());
        }
    }
}
