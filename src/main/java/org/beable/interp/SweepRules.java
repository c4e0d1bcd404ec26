package org.beable.interp;

import java.util.List;
import org.beable.syntax.BeableError;
import org.beable.syntax.Stmt;

/**
 * What a sweep's body may not contain, checked before anything runs: statements that change the
 * session (seed, use, system), that leave the cell (return), or that need every cell's rows
 * (plot, export, another sweep). Assigning an outer name is refused where names are resolved.
 */
final class SweepRules {
    private SweepRules() {}

    static void check(Stmt.Sweep sweep) {
        for (Stmt s : sweep.body().statements()) visit(s);
    }

    private static void visit(Stmt s) {
        String refusal = refusal(s);
        if (refusal != null) {
            throw new BeableError(s.span(), refusal, "cells of a sweep run independently, in parallel; move it before or after the sweep");
        }
        if (s instanceof Stmt.Block b) visitAll(b.statements());
        else if (s instanceof Stmt.For f) visitAll(f.body().statements());
        else if (s instanceof Stmt.While w) visitAll(w.body().statements());
        else if (s instanceof Stmt.If i) {
            visitAll(i.then().statements());
            if (i.otherwise() != null) visit(i.otherwise());
        }
    }

    private static void visitAll(List<Stmt> statements) {
        for (Stmt s : statements) visit(s);
    }

    private static String refusal(Stmt s) {
        if (s instanceof Stmt.Sweep) return "a sweep cannot run inside another sweep's body (add an axis instead: `sweep a in xs, b in ys`)";
        if (s instanceof Stmt.Seed) return "`seed` cannot be set inside a sweep: each cell's streams come from the session's seed and its cell index";
        if (s instanceof Stmt.Use) return "`use` cannot load a module inside a sweep";
        if (s instanceof Stmt.SystemDecl) return "systems cannot be declared inside a sweep";
        if (s instanceof Stmt.Return) return "`return` cannot leave a sweep's cell";
        if (s instanceof Stmt.Plot) return "`plot` needs every cell's rows: it belongs after the sweep";
        if (s instanceof Stmt.Export) return "`export` needs every cell's rows: it belongs after the sweep";
        return null;
    }
}
