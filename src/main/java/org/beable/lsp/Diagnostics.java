package org.beable.lsp;

import java.util.ArrayList;
import java.util.List;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/**
 * The static check's errors as LSP diagnostics: the command line's sentence and hint, over the
 * characters its caret and tildes mark (so the squiggle in the editor is the `^~~~` of the terminal).
 */
final class Diagnostics {
    static final String SOURCE = "beable";

    private Diagnostics() {}

    static List<Diagnostic> of(Analysis analysis) {
        List<Diagnostic> out = new ArrayList<>();
        add(analysis, analysis.report.errors(), DiagnosticSeverity.Error, out);
        add(analysis, analysis.report.warnings(), DiagnosticSeverity.Warning, out);
        return out;
    }

    private static void add(Analysis analysis, List<BeableError> errors, DiagnosticSeverity severity, List<Diagnostic> out) {
        for (BeableError e : errors) {
            Span span = e.span();
            if (span == null || span.line() < 1 || !span.source().name().equals(analysis.sourceName())) continue;
            out.add(new Diagnostic(range(analysis, span), text(e), severity, SOURCE));
        }
    }

    /** The message as the command line prints it after `file:line:col: `, with its `hint:` line. */
    static String text(BeableError e) {
        return e.getMessage() + (e.hint() == null ? "" : "\nhint: " + e.hint());
    }

    /** The characters BeableError.render underlines: from the column, its length, at least one, not past the line. */
    static Range range(Analysis analysis, Span span) {
        String line = analysis.positions.line(span.line());
        int from = Math.max(0, Math.min(span.column() - 1, line.length()));
        int marked = Math.max(1, Math.min(span.length(), Math.max(1, line.length() - span.column() + 1)));
        int lineStart = analysis.positions.charOffset(span.line(), 0);
        int start = lineStart + from;
        int end = Math.min(lineStart + line.length(), start + marked);
        if (end <= start) end = start;
        return new Range(analysis.positions.position(start), analysis.positions.position(end));
    }
}
