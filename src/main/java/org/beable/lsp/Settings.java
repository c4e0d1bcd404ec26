package org.beable.lsp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.beable.interp.Interpreter;
import org.beable.syntax.grammar.BeableLexer;

/** The settings a document's detectors read: the names in `detector D on s = spin(a)` that nothing else defines (here, `a`). */
final class Settings {
    private Settings() {}

    static Set<String> readByDetectors(Analysis analysis, Interpreter session) {
        Set<String> out = new LinkedHashSet<>();
        List<Declarations.Tok> code = analysis.code;
        for (int i = 0; i < code.size(); i++) {
            if (!code.get(i).text().equals("detector")) continue;
            int k = i;
            while (k < code.size() && !code.get(k).text().equals("=") && code.get(k).type() != BeableLexer.NL) k++;
            for (k++; k < code.size() && code.get(k).type() != BeableLexer.NL && !code.get(k).text().equals("outcomes"); k++) {
                String word = code.get(k).text();
                boolean called = k + 1 < code.size() && code.get(k + 1).text().equals("(");
                if (code.get(k).type() == BeableLexer.ID && !called && session.lookup(word) == null && !declaredOtherwise(analysis, word)) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    private static boolean declaredOtherwise(Analysis analysis, String name) {
        for (Declarations.Declaration d : analysis.declarations.all()) {
            if (d.name().equals(name) && d.kind() != Declarations.Kind.SETTING) return true;
        }
        return false;
    }
}
