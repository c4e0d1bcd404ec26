package org.beable.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/** The outline of a document: its systems, states, detectors, experiments, models, functions, tables and top-level names. */
final class Symbols {
    private static final Set<Declarations.Kind> OUTLINED = Set.of(Declarations.Kind.SYSTEM, Declarations.Kind.STATE,
            Declarations.Kind.DETECTOR, Declarations.Kind.EXPERIMENT, Declarations.Kind.MODEL, Declarations.Kind.FUNCTION,
            Declarations.Kind.TABLE, Declarations.Kind.VARIABLE);

    private Symbols() {}

    static List<DocumentSymbol> of(Analysis analysis) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (Declarations.Declaration d : analysis.declarations.all()) {
            if (!OUTLINED.contains(d.kind()) || !d.global()) continue;
            Range name = Definitions.range(analysis.positions, d);
            int lineStart = analysis.positions.charOffset(d.line(), 0);
            Range line = new Range(analysis.positions.position(lineStart),
                    analysis.positions.position(lineStart + analysis.positions.line(d.line()).length()));
            out.add(new DocumentSymbol(d.name(), kind(d.kind()), line, name, Completions.kindWord(d.kind())));
        }
        return out;
    }

    static SymbolKind kind(Declarations.Kind kind) {
        return switch (kind) {
            case SYSTEM -> SymbolKind.Namespace;
            case STATE -> SymbolKind.Constant;
            case DETECTOR -> SymbolKind.Field;
            case EXPERIMENT -> SymbolKind.Class;
            case MODEL -> SymbolKind.Interface;
            case FUNCTION -> SymbolKind.Function;
            case TABLE -> SymbolKind.Array;
            case SETTING, PARAMETER -> SymbolKind.TypeParameter;
            case VARIABLE, HIDDEN -> SymbolKind.Variable;
        };
    }
}
