package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import org.beable.syntax.Expr;
import org.beable.syntax.Stmt;

/** The expressions inside an experiment clause, so they can be compiled where the experiment is declared. */
final class ClauseExpressions {
    private ClauseExpressions() {}

    static List<Expr> of(Stmt.Clause clause) {
        return clause.accept(EXPRESSIONS, null);
    }

    /** One method per kind of clause, so a new kind cannot leave its expressions uncompiled. */
    private static final Stmt.ClauseVisitor<List<Expr>, Void> EXPRESSIONS = new Stmt.ClauseVisitor<>() {
        @Override public List<Expr> visitPrepare(Stmt.Prepare p, Void unused) { return List.of(p.state()); }
        @Override public List<Expr> visitEvolve(Stmt.Evolve e, Void unused) { return List.of(e.hamiltonian(), e.time()); }
        @Override public List<Expr> visitMeasure(Stmt.Measure m, Void unused) { return List.of(); }
        @Override public List<Expr> visitChoose(Stmt.Choose c, Void unused) { return c.rule() == null ? List.of() : List.of(c.rule()); }
        @Override public List<Expr> visitTrials(Stmt.Trials t, Void unused) { return List.of(t.count()); }
        @Override public List<Expr> visitSystems(Stmt.Systems s, Void unused) { return List.of(); }

        @Override
        public List<Expr> visitSettings(Stmt.Settings s, Void unused) {
            List<Expr> out = new ArrayList<>();
            for (Stmt.SettingDecl d : s.settings()) {
                if (d.source() != null) out.add(d.source());
                if (d.values() != null) for (Expr v : d.values()) if (v != null) out.add(v);
            }
            return out;
        }
    };
}
