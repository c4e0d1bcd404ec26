package org.beable.lsp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beable.interp.Interpreter;
import org.beable.repl.Completion;
import org.beable.syntax.grammar.BeableLexer;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.jline.reader.Candidate;

/**
 * Completion: the REPL's engine (keywords, builtins with their help, models after `under`, a
 * model's parameters inside a call to it, modules after `use`, distributions after `~`), told
 * what the document itself declares and can be read at the cursor, and — inside an experiment
 * block — its detectors and the settings those detectors read.
 */
final class Completions {
    private final Interpreter session;
    private final Completion engine;

    Completions(Interpreter session) {
        this.session = session;
        this.engine = new Completion(() -> session);
    }

    List<CompletionItem> at(Analysis analysis, int offset) {
        if (insideCommentOrString(analysis, offset)) return List.of();
        String text = analysis.text;
        int wordStart = offset;
        while (wordStart > 0 && isNameChar(text.charAt(wordStart - 1))) wordStart--;
        List<Candidate> candidates = new ArrayList<>();
        engine.code(text.substring(0, wordStart), candidates);
        Map<String, CompletionItem> items = new LinkedHashMap<>();
        boolean specific = !candidates.isEmpty() && candidates.stream().noneMatch(c -> "keywords".equals(c.group()));
        for (Candidate c : candidates) items.putIfAbsent(c.value(), item(c));
        if (specific) {     // `use …`, `~ …`, `under …`: only those, and after `under` the document's own models too
            if (afterUnder(analysis, wordStart)) {
                for (Declarations.Declaration d : analysis.declarations.all()) {
                    // a `let` may hold a model too (`let m = retrocausal(gamma = 0.1)`)
                    if (d.kind() == Declarations.Kind.MODEL || d.kind() == Declarations.Kind.VARIABLE) {
                        items.putIfAbsent(d.name(), declared(d, "1", Completions.kindWord(d.kind())));
                    }
                }
            }
            return List.copyOf(items.values());
        }
        if (insideExperiment(analysis, wordStart)) {
            for (Declarations.Declaration d : analysis.declarations.all()) {
                if (d.kind() == Declarations.Kind.DETECTOR) items.put(d.name(), declared(d, "0", "detector"));
            }
            for (String setting : Settings.readByDetectors(analysis, session)) {
                items.put(setting, named(setting, CompletionItemKind.TypeParameter, "setting a detector reads", "0"));
            }
        }
        for (Declarations.Declaration d : analysis.declarations.visibleAt(wordStart)) {
            if (d.offset() <= wordStart && wordStart <= d.offset() + d.length()) continue;     // the name being typed
            items.putIfAbsent(d.name(), declared(d, d.global() ? "2" : "1", kindWord(d.kind())));
        }
        return List.copyOf(items.values());
    }

    /** After `under`, the engine offers the built-in models; the document's own models belong beside them. */
    private static boolean afterUnder(Analysis analysis, int offset) {
        Declarations.Tok last = null;
        for (Declarations.Tok t : analysis.code) if (t.end() <= offset) last = t;
        return last != null && last.text().equals("under");
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean insideCommentOrString(Analysis analysis, int offset) {
        for (Declarations.Tok t : analysis.allTokens) {
            int type = t.type();
            boolean closedString = type == BeableLexer.STRING;
            if ((type == BeableLexer.COMMENT && t.start() < offset && offset <= t.end())
                    || (closedString && t.start() < offset && offset < t.end())
                    || (type == BeableLexer.ERROR_CHAR && t.text().equals("\"") && t.start() < offset && sameLine(analysis, t.start(), offset))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameLine(Analysis analysis, int a, int b) {
        return analysis.positions.position(a).getLine() == analysis.positions.position(b).getLine();
    }

    /** True when the innermost brace open at the offset is an experiment's. */
    static boolean insideExperiment(Analysis analysis, int offset) {
        Deque<String> open = new ArrayDeque<>();
        List<Declarations.Tok> code = analysis.code;
        for (int i = 0; i < code.size() && code.get(i).start() < offset; i++) {
            String t = code.get(i).text();
            if (t.equals("{")) open.push(i >= 2 ? code.get(i - 2).text() : "");
            else if (t.equals("}") && !open.isEmpty()) open.pop();
        }
        return "experiment".equals(open.peek());
    }

    private static CompletionItem item(Candidate c) {
        String group = c.group() == null ? "" : c.group();
        CompletionItemKind kind;
        String sort;
        if (group.startsWith("parameters")) { kind = CompletionItemKind.Property; sort = "0"; }
        else if (group.equals("keywords")) { kind = CompletionItemKind.Keyword; sort = "4"; }
        else if (group.equals("builtins") || group.equals("distributions")) { kind = CompletionItemKind.Function; sort = "3"; }
        else if (group.equals("models")) { kind = CompletionItemKind.Class; sort = "3"; }
        else if (group.equals("modules")) { kind = CompletionItemKind.Module; sort = "0"; }
        else { kind = CompletionItemKind.Variable; sort = "3"; }
        CompletionItem item = new CompletionItem(c.displ());
        item.setInsertText(c.value());
        item.setKind(kind);
        item.setDetail(c.descr() != null ? c.descr() : group);
        item.setSortText(sort + c.displ());
        return item;
    }

    private static CompletionItem declared(Declarations.Declaration d, String sort, String detail) {
        return named(d.name(), kindOf(d.kind()), detail + " (line " + d.line() + ")", sort);
    }

    private static CompletionItem named(String name, CompletionItemKind kind, String detail, String sort) {
        CompletionItem item = new CompletionItem(name);
        item.setKind(kind);
        item.setDetail(detail);
        item.setSortText(sort + name);
        return item;
    }

    static CompletionItemKind kindOf(Declarations.Kind kind) {
        return switch (kind) {
            case FUNCTION -> CompletionItemKind.Function;
            case SYSTEM -> CompletionItemKind.Module;
            case DETECTOR -> CompletionItemKind.Field;
            case EXPERIMENT, MODEL -> CompletionItemKind.Class;
            case SETTING, PARAMETER -> CompletionItemKind.TypeParameter;
            case STATE, VARIABLE, HIDDEN, TABLE -> CompletionItemKind.Variable;
        };
    }

    static String kindWord(Declarations.Kind kind) {
        return kind.name().toLowerCase();
    }
}
