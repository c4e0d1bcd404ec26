package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import org.beable.syntax.Expr;
import org.beable.syntax.Stmt;

/** The expressions inside an experiment clause, so they can be compiled where the experiment is declared. */
final class ClauseExpressions {
    private ClauseExpressions() {}

    static List<Expr> of(Stmt.Clause clause) {
        List<Expr> out = new ArrayList<>();
        if (clause instanceof Stmt.Prepare p) out.add(p.state());
        else if (clause instanceof Stmt.Evolve e) { out.add(e.hamiltonian()); out.add(e.time()); }
        else if (clause instanceof Stmt.Choose c && c.rule() != null) out.add(c.rule());
        else if (clause instanceof Stmt.Trials t) out.add(t.count());
        else if (clause instanceof Stmt.Settings s) {
            for (Stmt.SettingDecl d : s.settings()) {
                if (d.source() != null) out.add(d.source());
                if (d.values() != null) for (Expr v : d.values()) if (v != null) out.add(v);
            }
        }
        return out;
    }
}
