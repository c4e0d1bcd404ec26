package org.beable.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.beable.interp.Interpreter;
import org.beable.interp.StaticCheck;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.grammar.BeableLexer;

/**
 * One version of one document, read once: its tokens, the names it declares, and what the
 * static check finds in it. Every request about that version (diagnostics, completion, hover,
 * symbols, tokens) answers from here; nothing runs.
 */
final class Analysis {
    final String uri;
    final String text;
    final Positions positions;
    /** Every token, comments and blanks included (semantic tokens colour comments too). */
    final List<Declarations.Tok> allTokens = new ArrayList<>();
    /** The tokens the parser sees (no blanks, no comments), newlines included. */
    final List<Declarations.Tok> code = new ArrayList<>();
    final Declarations declarations;
    final StaticCheck.Report report;
    final Path file;

    Analysis(Interpreter session, String uri, String text) {
        this.uri = uri;
        this.text = text;
        this.positions = new Positions(text);
        this.file = pathOf(uri);
        int[] charOf = codePointsToChars(text);
        for (Token t : Parser.tokens(text)) {
            int start = charOf[Math.min(t.getStartIndex(), charOf.length - 1)];
            int end = charOf[Math.min(t.getStopIndex() + 1, charOf.length - 1)];
            Declarations.Tok tok = new Declarations.Tok(t, text.substring(start, end), start, end, t.getLine());
            allTokens.add(tok);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != BeableLexer.WS) code.add(tok);
        }
        this.declarations = new Declarations(code, text.length());
        Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
        this.report = StaticCheck.check(session, new Source(sourceName(), text), base);
    }

    /** The name messages carry: the file's path, as the command line would print it for that path. */
    String sourceName() {
        return file != null ? file.toString() : uri;
    }

    /** The code token under or just before a char offset (a cursor at a word's end is on the word), or -1. */
    int tokenAt(int offset) {
        for (int k = 0; k < code.size(); k++) {
            Declarations.Tok t = code.get(k);
            if (t.start() <= offset && offset < t.end()) return k;
            if (t.end() == offset && Declarations.isWord(t.text())) return k;
        }
        return -1;
    }

    static Path pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme()) ? Path.of(parsed) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** Char index of every code-point index (ANTLR counts code points; LSP and Java strings count chars). */
    private static int[] codePointsToChars(String text) {
        int count = text.codePointCount(0, text.length());
        int[] index = new int[count + 1];
        int c = 0;
        for (int cp = 0; cp < count; cp++) {
            index[cp] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        index[count] = text.length();
        return index;
    }
}
