package org.beable.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.antlr.v4.runtime.Token;
import org.beable.bindings.Distributions;
import org.beable.interp.Builtin;
import org.beable.interp.Interpreter;
import org.beable.interp.StandardLibrary;
import org.beable.syntax.Parser;
import org.beable.syntax.grammar.BeableLexer;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from what the session knows: `:` commands and their arguments, stdlib modules
 * after `use`, models after `under`, a model's parameters (`gamma = `) inside a call to it, the
 * words a text parameter takes (`rule = toy`), and
 * otherwise keywords and every name in scope (builtins with their one-line help).
 */
public final class Completion implements Completer {
    private static final String TIME = ":time ";

    private final Supplier<Interpreter> interpreter;
    private final Commands commands;
    private final Function<Interpreter, Map<String, List<String>>> models;

    Completion(Supplier<Interpreter> interpreter, Commands commands) {
        this(interpreter, commands, org.beable.bindings.Bindings::models);
    }

    /** The engine alone, for code outside the REPL (the language server): no `:` commands. */
    public Completion(Supplier<Interpreter> interpreter) {
        this(interpreter, null, org.beable.bindings.Bindings::models);
    }

    /** With another view of the models in scope (tests). */
    Completion(Supplier<Interpreter> interpreter, Commands commands, Function<Interpreter, Map<String, List<String>>> models) {
        this.interpreter = interpreter;
        this.commands = commands;
        this.models = models;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String text = line.line();
        int cursor = line.cursor();
        if (Commands.isCommand(text)) {
            if (text.startsWith(TIME) && cursor >= TIME.length()) {
                code(text.substring(TIME.length(), cursor - line.wordCursor()), candidates);
            } else if (line.wordIndex() == 0) {
                for (Commands.Command c : commands.all()) {
                    candidates.add(new Candidate(c.name(), c.name(), "commands", c.help(), null, null, true));
                }
            } else if (line.wordIndex() == 1) {
                Commands.Command c = commands.find(line.words().get(0));
                if (c != null && c.completer() != null) c.completer().complete(reader, line, candidates);
            }
            return;
        }
        code(text.substring(0, cursor - line.wordCursor()), candidates);
    }

    /** Candidates for the name that starts where `before` ends. */
    public void code(String before, List<Candidate> candidates) {
        List<Token> all = new ArrayList<>(Parser.tokens(before));
        if (!all.isEmpty()) {
            Token end = all.get(all.size() - 1);
            if (end.getType() == BeableLexer.COMMENT || end.getType() == BeableLexer.UNCLOSED_STRING
                    || end.getType() == BeableLexer.ERROR_CHAR && end.getText().equals("\"")) {
                return;     // inside a comment or an unfinished string
            }
        }
        List<Token> tokens = new ArrayList<>();
        for (Token t : all) if (t.getChannel() == Token.DEFAULT_CHANNEL) tokens.add(t);
        String previous = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).getText();
        Interpreter in = interpreter.get();
        Map<String, List<String>> models = this.models.apply(in);
        if (previous.equals("use")) {
            for (String module : StandardLibrary.modules()) candidates.add(candidate(module, "modules", "standard module"));
            return;
        }
        if (previous.equals("~")) {
            // `hidden x ~ …` in a model block: the distributions (`outcome D ~` takes discrete)
            for (Distributions.Distribution d : Distributions.ALL) candidates.add(candidate(d.completion(), "distributions", d.usage() + ": " + d.help()));
            return;
        }
        if (previous.equals("under") || declaresModel(tokens)) {
            for (String model : models.keySet()) candidates.add(candidate(model, "models", "model"));
            return;
        }
        if (previous.equals("=") && tokens.size() >= 3) {
            // `grw(rule = `: the words a model's text parameter takes
            String callee = callee(tokens.subList(0, tokens.size() - 2));
            List<String> words = callee == null ? List.of() : WordValues.of(callee, tokens.get(tokens.size() - 2).getText());
            for (String word : words) candidates.add(candidate(word, "values of " + tokens.get(tokens.size() - 2).getText(), null));
            if (!words.isEmpty()) return;
        }
        if (previous.equals("(") || previous.equals(",")) {
            String callee = callee(tokens);
            if (callee != null && models.containsKey(callee)) {
                for (String parameter : models.get(callee)) {
                    candidates.add(new Candidate(parameter + " = ", parameter, "parameters of " + callee, null, null, null, false));
                }
            }
        }
        for (String keyword : Keywords.all()) candidates.add(candidate(keyword, "keywords", null));
        Map<String, Builtin> builtins = in.builtins();
        for (String name : in.names()) {
            if (Keywords.all().contains(name)) continue;
            Builtin b = builtins.get(name);
            if (b != null && b == in.lookup(name)) candidates.add(candidate(name, "builtins", b.help()));
            else candidates.add(candidate(name, models.containsKey(name) ? "models" : "names", null));
        }
    }

    /** True after `model NAME =`. */
    private static boolean declaresModel(List<Token> tokens) {
        int n = tokens.size();
        return n >= 3 && tokens.get(n - 1).getText().equals("=") && tokens.get(n - 3).getText().equals("model");
    }

    /** The name called by the innermost open parenthesis, or null. */
    private static String callee(List<Token> tokens) {
        int depth = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i).getText();
            if (t.equals(")") || t.equals("]")) depth++;
            else if (t.equals("[")) depth--;
            else if (t.equals("(")) {
                if (depth == 0) return i > 0 && tokens.get(i - 1).getType() == BeableLexer.ID ? tokens.get(i - 1).getText() : null;
                depth--;
            }
            if (depth < 0) return null;
        }
        return null;
    }

    private static Candidate candidate(String value, String group, String description) {
        return new Candidate(value, value, group, description, null, null, true);
    }
}
