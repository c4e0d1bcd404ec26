package org.beable.lsp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.beable.syntax.grammar.BeableLexer;

/**
 * The names a document declares, read from its tokens rather than its syntax tree, so a
 * half-typed document (which does not parse) still has them: each with its kind, where it is
 * written, and the stretch of text where it can be read (a `let` in a block, to the block's end;
 * a parameter, to the end of its function; a top-level name, everywhere).
 */
final class Declarations {
    enum Kind { SYSTEM, STATE, DETECTOR, EXPERIMENT, MODEL, FUNCTION, VARIABLE, PARAMETER, SETTING, HIDDEN, TABLE }

    /** One declared name; offsets are char offsets into the text, visibleTo is exclusive. */
    record Declaration(String name, Kind kind, int offset, int length, int visibleFrom, int visibleTo, int line) {
        boolean global() { return visibleFrom == 0; }
    }

    private static final Pattern WORD = Pattern.compile("[a-zA-Z_α-ωΑ-Ω][a-zA-Z_0-9α-ωΑ-Ω]*");

    private final List<Declaration> all = new ArrayList<>();
    private final List<Tok> tokens;
    private final int textLength;

    /** A code token with its char offsets (the lexer's indices count code points). */
    record Tok(Token token, String text, int start, int end, int line) {
        int type() { return token.getType(); }
    }

    Declarations(List<Tok> tokens, int textLength) {
        this.tokens = tokens;
        this.textLength = textLength;
        scan();
    }

    List<Declaration> all() {
        return all;
    }

    /** The declarations that can be read at a char offset, innermost last. */
    List<Declaration> visibleAt(int offset) {
        List<Declaration> out = new ArrayList<>();
        for (Declaration d : all) {
            if (d.global() || (d.offset() < offset && offset <= d.visibleTo())) out.add(d);
        }
        return out;
    }

    /** The declaration a name at this offset refers to: the innermost one before it, else a top-level one. */
    Declaration resolve(String name, int offset) {
        Declaration best = null;
        for (Declaration d : all) {
            if (!d.name().equals(name)) continue;
            if (offset >= d.offset() && offset <= d.offset() + d.length()) return d;      // on the declaration itself
            if (!d.global() && d.offset() < offset && offset <= d.visibleTo()) {
                if (best == null || best.global() || d.offset() > best.offset()) best = d;
            } else if (d.global() && best == null) {
                best = d;
            }
        }
        return best;
    }

    static boolean isWord(String text) {
        return WORD.matcher(text).matches();
    }

    // ------------------------------------------------------------------ the scan

    private void scan() {
        int n = tokens.size();
        int[] closeOf = new int[n];
        String[] blockKind = new String[n];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            if (t.equals("{")) {
                open.push(i);
                blockKind[i] = i >= 2 ? tokens.get(i - 2).text() : "";
            } else if (t.equals("}") && !open.isEmpty()) {
                closeOf[open.pop()] = tokens.get(i).end();
            }
        }
        while (!open.isEmpty()) closeOf[open.pop()] = textLength;

        Deque<Integer> blocks = new ArrayDeque<>();     // indices of the open braces around token i
        for (int i = 0; i < n; i++) {
            Tok tok = tokens.get(i);
            String t = tok.text();
            if (t.equals("{")) {
                blocks.push(i);
                continue;
            }
            if (t.equals("}")) {
                if (!blocks.isEmpty()) blocks.pop();
                continue;
            }
            Integer enclosing = blocks.peek();
            int blockEnd = enclosing == null ? textLength : closeOf[enclosing];
            String kind = enclosing == null ? "" : blockKind[enclosing];
            boolean top = enclosing == null;
            switch (t) {
                case "let" -> declareNext(i, Kind.VARIABLE, top, blockEnd);
                case "state" -> { if (isStatementStart(i)) declareNext(i, Kind.STATE, top, blockEnd); }
                case "detector" -> declareNext(i, Kind.DETECTOR, top, blockEnd);
                case "experiment" -> declareNext(i, Kind.EXPERIMENT, top, blockEnd);
                case "model" -> declareNext(i, Kind.MODEL, top, blockEnd);
                case "system" -> {
                    for (int k = i + 1; k < n && !tokens.get(k).text().equals(":") && tokens.get(k).type() != BeableLexer.NL; k++) {
                        if (isWord(tokens.get(k).text())) add(tokens.get(k), Kind.SYSTEM, 0, textLength);
                    }
                }
                case "fn" -> function(i, top, blockEnd, closeOf);
                case "for" -> {
                    if (i + 1 < n && isWord(tokens.get(i + 1).text())) {
                        int end = blockEnd;
                        for (int k = i + 2; k < n; k++) if (tokens.get(k).text().equals("{")) { end = closeOf[k]; break; }
                        add(tokens.get(i + 1), Kind.VARIABLE, tokens.get(i + 1).start(), end);
                    }
                }
                case "hidden" -> { if ("model".equals(kind)) declareNext(i, Kind.HIDDEN, false, blockEnd); }
                case "into" -> { if (i > 0 && tokens.get(i - 1).text().equals("row")) declareNext(i, Kind.TABLE, true, textLength); }
                case "in" -> {
                    // `settings a in {…}, b in {…}`: a detector anywhere may read a setting, so it is visible everywhere
                    if ("experiment".equals(kind) && i >= 2 && isWord(tokens.get(i - 1).text())
                            && (tokens.get(i - 2).text().equals("settings") || tokens.get(i - 2).text().equals(","))) {
                        add(tokens.get(i - 1), Kind.SETTING, 0, textLength);
                    }
                }
                case "=>" -> {
                    if (i > 0 && isWord(tokens.get(i - 1).text())) add(tokens.get(i - 1), Kind.PARAMETER, tokens.get(i - 1).start(), lineEnd(i));
                }
                default -> { }
            }
        }
    }

    /** `state` is also a beable's name after `given`: it declares only where a statement starts. */
    private boolean isStatementStart(int i) {
        if (i == 0) return true;
        String previous = tokens.get(i - 1).text();
        return tokens.get(i - 1).type() == BeableLexer.NL || previous.equals(";") || previous.equals("{");
    }

    private void declareNext(int i, Kind kind, boolean top, int blockEnd) {
        if (i + 1 >= tokens.size() || !isWord(tokens.get(i + 1).text())) return;
        Tok name = tokens.get(i + 1);
        if (top) add(name, kind, 0, textLength);
        else add(name, kind, name.start(), blockEnd);
    }

    /** `fn name(a, b) = …`, `fn name(a, b) { … }` and `fn(a, b) => …`: the name, and the parameters inside. */
    private void function(int i, boolean top, int blockEnd, int[] closeOf) {
        int n = tokens.size();
        int k = i + 1;
        if (k < n && isWord(tokens.get(k).text())) {
            declareNext(i, Kind.FUNCTION, top, blockEnd);
            k++;
        }
        if (k >= n || !tokens.get(k).text().equals("(")) return;
        List<Tok> params = new ArrayList<>();
        k++;
        for (; k < n && !tokens.get(k).text().equals(")"); k++) {
            Tok p = tokens.get(k);
            if (isWord(p.text())) params.add(p);
            else if (!p.text().equals(",")) break;
        }
        int end = k + 1 < n && tokens.get(k + 1).text().equals("{") ? closeOf[k + 1] : lineEnd(Math.min(k, n - 1));
        for (Tok p : params) add(p, Kind.PARAMETER, p.start(), end);
    }

    /** The char offset where the line of token i ends (its newline token, or the text's end). */
    private int lineEnd(int i) {
        for (int k = i; k < tokens.size(); k++) {
            if (tokens.get(k).type() == BeableLexer.NL) return tokens.get(k).start();
        }
        return textLength;
    }

    private void add(Tok name, Kind kind, int from, int to) {
        all.add(new Declaration(name.text(), kind, name.start(), name.end() - name.start(), from, to, name.line()));
    }
}
