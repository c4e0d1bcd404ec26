package org.beable.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.beable.syntax.Parser;
import org.beable.syntax.grammar.BeableLexer;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Go to definition: a name to where the document declares it (the innermost declaration that
 * can be read there), else to where a module it uses declares it; a `use` to the module's file.
 */
final class Definitions {
    private Definitions() {}

    static List<Location> at(Analysis analysis, int offset) {
        int k = analysis.tokenAt(offset);
        if (k < 0) return List.of();
        Declarations.Tok token = analysis.code.get(k);
        boolean afterUse = k > 0 && analysis.code.get(k - 1).text().equals("use");
        if (token.text().equals("use") && k + 1 < analysis.code.size()) {
            token = analysis.code.get(k + 1);
            afterUse = true;
        }
        if (afterUse) {
            boolean quoted = token.type() == BeableLexer.STRING;
            String target = quoted ? token.text().substring(1, token.text().length() - 1) : token.text();
            Path file = Modules.file(analysis, target, quoted);
            return file == null ? List.of() : List.of(new Location(file.toUri().toString(), new Range(new Position(0, 0), new Position(0, 0))));
        }
        if (!Declarations.isWord(token.text())) return List.of();
        Declarations.Declaration d = analysis.declarations.resolve(token.text(), token.start());
        if (d != null) return List.of(new Location(analysis.uri, range(analysis.positions, d)));
        return inModules(analysis, token.text());
    }

    /** The name as a top-level declaration of a module the document uses (first `use` first). */
    private static List<Location> inModules(Analysis analysis, String name) {
        List<Location> found = new ArrayList<>();
        List<Declarations.Tok> code = analysis.code;
        for (int i = 0; i + 1 < code.size() && found.isEmpty(); i++) {
            if (!code.get(i).text().equals("use")) continue;
            Declarations.Tok target = code.get(i + 1);
            boolean quoted = target.type() == BeableLexer.STRING;
            Path file = Modules.file(analysis, quoted ? target.text().substring(1, Math.max(1, target.text().length() - 1)) : target.text(), quoted);
            String text = file == null ? null : Modules.read(file);
            if (text == null) continue;
            Positions positions = new Positions(text);
            Declarations declarations = new Declarations(codeTokens(text), text.length());
            for (Declarations.Declaration d : declarations.all()) {
                if (d.global() && d.name().equals(name)) {
                    found.add(new Location(file.toUri().toString(), range(positions, d)));
                    break;
                }
            }
        }
        return found;
    }

    static Range range(Positions positions, Declarations.Declaration d) {
        return new Range(positions.position(d.offset()), positions.position(d.offset() + d.length()));
    }

    /** A module's code tokens, for its declarations (modules are plain ASCII, but offsets are converted anyway). */
    static List<Declarations.Tok> codeTokens(String text) {
        List<Declarations.Tok> out = new ArrayList<>();
        int[] charOf = new int[text.codePointCount(0, text.length()) + 1];
        for (int cp = 0, c = 0; cp < charOf.length; cp++) {
            charOf[cp] = c;
            if (c < text.length()) c += Character.charCount(text.codePointAt(c));
        }
        for (Token t : Parser.tokens(text)) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == BeableLexer.WS) continue;
            int start = charOf[Math.min(t.getStartIndex(), charOf.length - 1)];
            int end = charOf[Math.min(t.getStopIndex() + 1, charOf.length - 1)];
            out.add(new Declarations.Tok(t, text.substring(start, end), start, end, t.getLine()));
        }
        return out;
    }
}
