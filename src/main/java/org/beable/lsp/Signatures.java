package org.beable.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beable.interp.Builtin;
import org.beable.interp.Interpreter;
import org.beable.repl.HelpTopics;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;

/**
 * Signature help inside a call's parentheses: a builtin's signature (the one `usage:` hints
 * print), a model's named parameters, or the document's own function's parameters, with the
 * argument under the cursor marked.
 */
final class Signatures {
    private final Interpreter session;
    private final HelpTopics help;

    Signatures(Interpreter session, HelpTopics help) {
        this.session = session;
        this.help = help;
    }

    SignatureHelp at(Analysis analysis, int offset) {
        List<Declarations.Tok> code = analysis.code;
        int depth = 0, commas = 0, open = -1;
        String namedArgument = null;
        int last = -1;
        for (int i = 0; i < code.size() && code.get(i).start() < offset; i++) last = i;
        for (int i = last; i >= 0; i--) {
            String t = code.get(i).text();
            if (t.equals(")") || t.equals("]")) depth++;
            else if (t.equals("[")) { if (depth == 0) return null; depth--; }
            else if (t.equals("(")) {
                if (depth == 0) { open = i; break; }
                depth--;
            } else if (depth == 0 && t.equals(",")) {
                commas++;
            } else if (depth == 0 && commas == 0 && t.equals("=") && i > 0 && namedArgument == null) {
                namedArgument = code.get(i - 1).text();
            }
        }
        if (open < 1 || !Declarations.isWord(code.get(open - 1).text())) return null;
        String callee = code.get(open - 1).text();
        SignatureInformation signature = signature(analysis, callee, open - 1);
        if (signature == null) return null;
        int active = commas;
        if (namedArgument != null) {
            for (int p = 0; p < signature.getParameters().size(); p++) {
                String label = signature.getParameters().get(p).getLabel().getLeft();
                if (label.equals(namedArgument) || label.startsWith(namedArgument + " ")) active = p;
            }
        }
        SignatureHelp out = new SignatureHelp(List.of(signature), 0, Math.min(active, Math.max(0, signature.getParameters().size() - 1)));
        return out;
    }

    private SignatureInformation signature(Analysis analysis, String callee, int calleeToken) {
        Declarations.Declaration declared = analysis.declarations.resolve(callee, analysis.code.get(calleeToken).start());
        if (declared != null) {
            if (declared.kind() != Declarations.Kind.FUNCTION) return null;
            List<String> params = parametersOf(analysis, declared);
            return build(callee + "(" + String.join(", ", params) + ")", params, "function declared on line " + declared.line());
        }
        Builtin builtin = session.builtins().get(callee);
        if (builtin != null) {
            String usage = builtin.signature();
            int from = usage.indexOf('('), to = usage.indexOf(')', Math.max(0, from));
            List<String> params = new ArrayList<>();
            if (from >= 0 && to > from + 1) for (String p : usage.substring(from + 1, to).split(",")) params.add(p.strip());
            return build(usage, params, builtin.help());
        }
        Map<String, List<String>> models = org.beable.bindings.Bindings.models(session);
        if (models.containsKey(callee)) {
            List<String> params = new ArrayList<>();
            for (String p : models.get(callee)) params.add(p + " = …");
            return build(callee + "(" + String.join(", ", params) + ")", params, help.has(callee) ? help.summary(callee) : "model");
        }
        return null;
    }

    private static List<String> parametersOf(Analysis analysis, Declarations.Declaration function) {
        List<String> params = new ArrayList<>();
        List<Declarations.Tok> code = analysis.code;
        int k = 0;
        while (k < code.size() && code.get(k).start() != function.offset()) k++;
        if (k + 1 >= code.size() || !code.get(k + 1).text().equals("(")) return params;
        for (k += 2; k < code.size() && !code.get(k).text().equals(")"); k++) {
            if (Declarations.isWord(code.get(k).text())) params.add(code.get(k).text());
        }
        return params;
    }

    private static SignatureInformation build(String label, List<String> params, String documentation) {
        List<ParameterInformation> parameters = new ArrayList<>();
        for (String p : params) parameters.add(new ParameterInformation(p));
        return new SignatureInformation(label, new MarkupContent(MarkupKind.PLAINTEXT, documentation == null ? "" : documentation), parameters);
    }
}
