package org.beable.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beable.interp.Builtin;
import org.beable.interp.Interpreter;
import org.beable.repl.Keywords;
import org.beable.syntax.grammar.BeableLexer;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens from the language's own lexer (as the REPL colours its input), with names
 * told apart by what they are: a builtin or the document's function, a parameter, a system, a
 * detector, an experiment, a model, a setting, a plain variable.
 */
final class SemanticTokenEncoder {
    static final List<String> TYPES = List.of("keyword", "number", "string", "comment", "function", "variable",
            "parameter", "namespace", "property", "class", "type", "typeParameter", "macro");
    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, List.of());

    private final Interpreter session;

    SemanticTokenEncoder(Interpreter session) {
        this.session = session;
    }

    SemanticTokens of(Analysis analysis) {
        List<Integer> data = new ArrayList<>();
        Map<String, List<String>> models = org.beable.bindings.Bindings.models(session);
        int lastLine = 0, lastChar = 0;
        for (Declarations.Tok t : analysis.allTokens) {
            String type = type(analysis, t, models);
            if (type == null || t.end() <= t.start()) continue;
            Position start = analysis.positions.position(t.start());
            Position end = analysis.positions.position(t.end());
            if (end.getLine() != start.getLine()) continue;      // tokens never span lines here; be safe anyway
            int deltaLine = start.getLine() - lastLine;
            int deltaChar = deltaLine == 0 ? start.getCharacter() - lastChar : start.getCharacter();
            data.add(deltaLine);
            data.add(deltaChar);
            data.add(end.getCharacter() - start.getCharacter());
            data.add(TYPES.indexOf(type));
            data.add(0);
            lastLine = start.getLine();
            lastChar = start.getCharacter();
        }
        return new SemanticTokens(data);
    }

    private String type(Analysis analysis, Declarations.Tok t, Map<String, List<String>> models) {
        int type = t.type();
        switch (type) {
            case BeableLexer.NUMBER: case BeableLexer.IMAGINARY: return "number";
            case BeableLexer.STRING: return "string";
            case BeableLexer.COMMENT: return "comment";
            case BeableLexer.KET: case BeableLexer.BRA: return "macro";
            default: break;
        }
        if (type != BeableLexer.ID) return Keywords.isKeyword(type) ? "keyword" : null;
        Declarations.Declaration d = analysis.declarations.resolve(t.text(), t.start());
        if (d != null) {
            return switch (d.kind()) {
                case FUNCTION -> "function";
                case PARAMETER -> "parameter";
                case SYSTEM -> "namespace";
                case DETECTOR -> "property";
                case EXPERIMENT -> "class";
                case MODEL -> "type";
                case SETTING -> "typeParameter";
                case STATE, VARIABLE, HIDDEN, TABLE -> "variable";
            };
        }
        Object value = session.lookup(t.text());
        if (value instanceof Builtin) return "function";
        if (models.containsKey(t.text())) return "type";
        return "variable";
    }
}
