package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beable.cli.TextOutput;
import org.beable.interp.Interpreter;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** The completer called directly with the parsed line JLine would give it. */
class CompletionTest {
    private final ReplSession session = new ReplSession(
            () -> new Interpreter(Interpreter.Options.defaults(), new TextOutput(new PrintStream(new ByteArrayOutputStream()))),
            new Screen(new PrintStream(new ByteArrayOutputStream()), false));
    private final Commands commands = new Commands(session, HelpTopics.load());
    private final Completion completion = new Completion(session::interpreter, commands, in -> {
        Map<String, List<String>> models = new TreeMap<>(org.beable.bindings.Bindings.models(in));
        models.put("retro", List.of("gamma", "steps"));
        return models;
    });

    /** Candidate values at the end of `line` that start with the word being typed, as JLine would filter them. */
    private List<String> complete(String line) {
        ParsedLine parsed = new LineParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completion.complete(null, parsed, candidates);
        String prefix = parsed.word().substring(0, parsed.wordCursor());
        List<String> values = new ArrayList<>();
        for (Candidate c : candidates) if (c.value().startsWith(prefix)) values.add(c.value());
        return values;
    }

    @Test
    void keywordsComeFromTheLexer() {
        assertTrue(complete("exp").contains("experiment"));
        assertTrue(complete("exp").contains("export"));
        assertTrue(complete("pre").contains("predict"));
        assertTrue(complete("let x = 1; wh").contains("while"));
    }

    @Test
    void namesInScopeIncludeBuiltinsAndDefinitions() {
        assertTrue(complete("sq").contains("sqrt"));
        session.evaluate("let squeeze = 3");
        assertTrue(complete("print sq").contains("squeeze"));
    }

    @Test
    void builtinsCarryTheirHelp() {
        ParsedLine parsed = new LineParser().parse("ptra", 4, ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completion.complete(null, parsed, candidates);
        Candidate ptrace = candidates.stream().filter(c -> c.value().equals("ptrace")).findFirst().orElseThrow();
        assertEquals(session.interpreter().builtins().get("ptrace").help(), ptrace.descr());
    }

    @Test
    void modelBlocksCompleteTheirKeywordsAndDistributions() {
        assertTrue(complete("model m {\n  hid").contains("hidden"));
        assertTrue(complete("model m {\n  out").contains("outcome"));
        assertEquals(List.of("sphere"), complete("model m {\n  hidden l ~ sph"));
        assertTrue(complete("model m {\n  hidden l ~ ").containsAll(List.of("uniform(", "normal(", "discrete(", "disk", "pdf(")));
    }

    @Test
    void standardModulesAfterUse() {
        assertEquals(List.of("bell"), complete("use b"));
        assertEquals(org.beable.interp.StandardLibrary.modules(), complete("use "));
    }

    @Test
    void modelsAfterUnder() {
        List<String> models = complete("run e under ");
        assertTrue(models.contains("quantum"), models.toString());
        assertTrue(models.contains("retro"), models.toString());
        assertFalse(models.contains("sqrt"), models.toString());
    }

    @Test
    void modelsAfterAModelDeclaration() {
        assertTrue(complete("model m = ").contains("retro"));
        assertFalse(complete("model m = ").contains("sqrt"));
    }

    @Test
    void theSessionsOwnModelsAndTheirParameters() {
        Completion real = new Completion(session::interpreter, commands);
        var models = org.beable.bindings.Bindings.models(session.interpreter());
        assertTrue(models.containsKey("quantum"), models.toString());
        for (var model : models.entrySet()) {
            String line = "run e under " + model.getKey() + "(";
            ParsedLine parsed = new LineParser().parse(line, line.length(), ParseContext.COMPLETE);
            List<Candidate> candidates = new ArrayList<>();
            real.complete(null, parsed, candidates);
            for (String parameter : model.getValue()) {
                assertTrue(candidates.stream().anyMatch(c -> c.value().equals(parameter + " = ")), model.getKey() + " " + parameter);
            }
        }
    }

    @Test
    void modelParametersInsideACallToTheModel() {
        assertEquals(List.of("gamma = "), complete("let m = retro(ga"));
        assertTrue(complete("run e under retro(gamma = 0.1, ").contains("steps = "));
        assertFalse(complete("run e under retro(gamma = sqrt(").contains("steps = "));
    }

    @Test
    void commandsAndTheirArguments() {
        List<String> all = complete(":");
        assertTrue(all.containsAll(List.of(":help", ":load", ":save", ":list", ":reset", ":seed", ":time", ":quit")), all.toString());
        assertEquals(List.of(":reset"), complete(":re"));
        assertTrue(complete(":help born").contains("born_deviation"));
        assertTrue(complete(":help sq").contains("sqrt"));
        assertEquals(List.of("names"), complete(":list n"));
        assertTrue(complete(":time sq").contains("sqrt"));
    }

    /** Words a text parameter takes, read from the parameter's own help. */
    @Test
    void theWordsOfATextParameterComplete() {
        Completion real = new Completion(session::interpreter, commands);
        for (String[] c : new String[][] {{"model g = grw(rule = ", "toy", "born"}, {"run e under grw(formulation = ", "nonlinear", "linear_cooking"},
                {"let m = ensemble(level = ", "class", "mean_field"}}) {
            ParsedLine parsed = new LineParser().parse(c[0], c[0].length(), ParseContext.COMPLETE);
            List<Candidate> candidates = new ArrayList<>();
            real.complete(null, parsed, candidates);
            List<String> values = candidates.stream().map(Candidate::value).toList();
            assertTrue(values.contains(c[1]) && values.contains(c[2]), c[0] + " → " + values);
        }
        assertEquals(List.of("toy", "born"), WordValues.wordsIn("toy (fair coins, the paper's) or born (uniform numbers: the Born rule for any state)"));
    }

    @Test
    void nothingInsideACommentOrAString() {
        assertTrue(complete("let x = 1 # a comment about sq").isEmpty());
        assertTrue(complete("print \"sq").isEmpty());
    }
}
