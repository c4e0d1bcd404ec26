package org.beable.interp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;
import org.beable.syntax.SyntaxErrors;

/**
 * Checks a source without running it: the errors the command line would report for it, found
 * from the text alone. Syntax errors and compile errors come from the parser and the compiler
 * themselves; then one pass over the AST finds what the running script finds only when it gets
 * there — names nobody defines (with did-you-mean), builtins and models called with the wrong
 * shape, a `use` of a missing module, a detector on a name that is no system. Every message is
 * made by the same code the running script uses ({@link Undefined}, {@link Callable#refuseShape},
 * {@link Physics#notASystem}), so an editor shows exactly what the command line prints.
 *
 * <p>The pass errs on the side of silence: a name whose meaning depends on what running would
 * do (inside a written model's rules, a detector's setting) is not reported.
 */
public final class StaticCheck {
    /**
     * The program (empty when it did not parse) and every error found, in the order the command
     * line meets them: the compiler's first (it compiles the whole file before running), then the
     * rest in the order the statements would run.
     */
    public record Report(List<Stmt> program, List<BeableError> errors, List<BeableError> warnings) {
        Report(List<Stmt> program, List<BeableError> errors) {
            this(program, errors, List.of());
        }
    }

    /** What a module (or the checked file itself) defines for the names after it. */
    private record Definitions(Set<String> globals, List<String> systems, Set<String> settings) {}

    /** Standard modules never change while the program runs: what they define is worked out once. */
    private static final Map<String, Definitions> STANDARD = new ConcurrentHashMap<>();

    private final Interpreter session;
    private final Path baseDirectory;
    private final List<BeableError> errors = new ArrayList<>();
    /** Every global the file (with its modules) defines anywhere: what a function body may read. */
    private final Set<String> allGlobals = new HashSet<>();
    /** Globals defined by the top-level statements checked so far: what a top-level statement may read. */
    private final Set<String> definedSoFar = new LinkedHashSet<>();
    private final List<String> systemsSoFar = new ArrayList<>();
    /** Every setting name of every experiment: a detector's expression may read one. */
    private final Set<String> settings = new HashSet<>();
    /** Names the file itself defines, so a builtin's name reused by the script is not checked as the builtin. */
    private final Set<String> ownNames = new HashSet<>();
    private final Set<String> modulesSeen = new HashSet<>();
    /** Things that run without an error but are probably not what was meant (a setting no detector reads). */
    private final List<BeableError> warnings = new ArrayList<>();
    /** The file's detectors by name, wherever declared, for the settings check. */
    private final Map<String, Stmt.DetectorDecl> detectors = new java.util.HashMap<>();
    /** Names a written model's rules read or list after `given`: a setting read there is read. */
    private final Set<String> readByModels = new HashSet<>();

    private StaticCheck(Interpreter session, Path baseDirectory) {
        this.session = session;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Checks a source against a session's predefined names (builtins, models, constants, and
     * whatever the session has defined). `use "file"` paths resolve against baseDirectory.
     */
    public static Report check(Interpreter session, Source source, Path baseDirectory) {
        return new StaticCheck(session, baseDirectory).run(source);
    }

    private Report run(Source source) {
        List<Stmt> program;
        try {
            program = Parser.parse(source);
        } catch (SyntaxErrors e) {
            return new Report(List.of(), e.errors());
        } catch (BeableError e) {
            return new Report(List.of(), List.of(e));
        } catch (StackOverflowError e) {
            return new Report(List.of(), List.of(Interpreter.tooDeep(source)));
        }
        try {
            compile(program);
            definedSoFar.addAll(session.names());
            allGlobals.addAll(session.names());
            Definitions own = definitions(program, new HashSet<>());
            allGlobals.addAll(own.globals());
            ownNames.addAll(own.globals());
            settings.addAll(own.settings());
            collectDetectorsAndModelReads(program);
            Walker walker = new Walker();
            for (Stmt stmt : program) {
                stmt.accept(walker, Scope.top());
                definedSoFar.addAll(topLevelNames(stmt));
                Definitions nested = new Definitions(definedSoFar, new ArrayList<>(), new HashSet<>());
                collectAnywhere(List.of(stmt), nested);     // systems and tables declared inside a loop exist after it
            }
        } catch (StackOverflowError e) {
            errors.add(Interpreter.tooDeep(source));
        }
        List<BeableError> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BeableError e : errors) if (seen.add(e.span().location() + "\u0000" + e.getMessage())) unique.add(e);
        return new Report(program, unique, List.copyOf(warnings));
    }

    private void collectDetectorsAndModelReads(List<Stmt> statements) {
        for (Stmt stmt : statements) {
            if (stmt instanceof Stmt.DetectorDecl d) {
                detectors.put(d.name(), d);
            } else if (stmt instanceof Stmt.ModelBlock m) {
                for (Stmt.ModelClause clause : m.clauses()) {
                    if (clause instanceof Stmt.Hidden h) {
                        readByModels.addAll(h.given());
                        readByModels.addAll(FreeNames.of(h.distribution()));
                    } else if (clause instanceof Stmt.Outcome o) {
                        readByModels.addAll(FreeNames.of(o.rule()));
                    }
                }
            } else if (stmt instanceof Stmt.Block b) {
                collectDetectorsAndModelReads(b.statements());
            } else if (stmt instanceof Stmt.For f) {
                collectDetectorsAndModelReads(f.body().statements());
            } else if (stmt instanceof Stmt.Sweep sw) {
                collectDetectorsAndModelReads(sw.body().statements());
            } else if (stmt instanceof Stmt.While w) {
                collectDetectorsAndModelReads(w.body().statements());
            } else if (stmt instanceof Stmt.If i) {
                collectDetectorsAndModelReads(i.then().statements());
                if (i.otherwise() != null) collectDetectorsAndModelReads(List.of(i.otherwise()));
            } else if (stmt instanceof Stmt.FunctionDecl f && f.function().body() != null) {
                collectDetectorsAndModelReads(f.function().body().statements());
            }
        }
    }

    /**
     * A setting that none of the experiment's detectors reads (and no written model reads) changes
     * nothing: most likely a detector names another setting, or a typo. A warning, since it runs.
     * Only when every measured detector is declared in this file: one from a module is not looked into.
     */
    private void unreadSettings(Stmt.ExperimentDecl experiment) {
        Set<String> read = new HashSet<>();
        for (Stmt.Clause clause : experiment.clauses()) {
            if (!(clause instanceof Stmt.Measure m)) continue;
            for (String name : m.detectors()) {
                Stmt.DetectorDecl d = detectors.get(name);
                if (d == null) return;
                read.addAll(FreeNames.of(d.measurement()));
            }
        }
        for (Stmt.Clause clause : experiment.clauses()) {
            if (!(clause instanceof Stmt.Settings settings)) continue;
            for (Stmt.SettingDecl d : settings.settings()) {
                if (read.contains(d.name()) || readByModels.contains(d.name())) continue;
                warnings.add(new BeableError(d.span(), "no detector of experiment '" + experiment.name() + "' reads setting '" + d.name() + "'",
                        "a detector reads its setting by name, e.g. `detector A on alice = spin(" + d.name() + ")`"));
            }
        }
    }

    /** The compiler's own errors (a positional argument after a named one, a ragged matrix): the command line reports them before running. */
    private void compile(List<Stmt> program) {
        Compiler compiler = new Compiler(session, new Globals());
        for (Stmt stmt : program) {
            try {
                compiler.compileTopLevel(stmt);
            } catch (BeableError e) {
                errors.add(e);
            }
        }
    }

    // ------------------------------------------------------------------ what a program defines

    /** The globals, systems and settings of a program and of the modules it uses (each module once). */
    private Definitions definitions(List<Stmt> program, Set<String> visiting) {
        Definitions out = new Definitions(new LinkedHashSet<>(), new ArrayList<>(), new LinkedHashSet<>());
        for (Stmt stmt : program) {
            out.globals().addAll(topLevelNames(stmt));
            if (stmt instanceof Stmt.Use use) {
                Definitions module = module(use, visiting, false);
                if (module != null) merge(out, module);
            }
        }
        collectAnywhere(program, out);
        return out;
    }

    private static void merge(Definitions into, Definitions from) {
        into.globals().addAll(from.globals());
        for (String s : from.systems()) if (!into.systems().contains(s)) into.systems().add(s);
        into.settings().addAll(from.settings());
    }

    /** Names a top-level statement defines as globals. */
    private static List<String> topLevelNames(Stmt stmt) {
        if (stmt instanceof Stmt.Let s) return List.of(s.name());
        if (stmt instanceof Stmt.FunctionDecl s) return List.of(s.name());
        if (stmt instanceof Stmt.StateDecl s) return List.of(s.name());
        if (stmt instanceof Stmt.DetectorDecl s) return List.of(s.name());
        if (stmt instanceof Stmt.ExperimentDecl s) return List.of(s.name());
        if (stmt instanceof Stmt.ModelDecl s) return List.of(s.name());
        if (stmt instanceof Stmt.ModelBlock s) return List.of(s.name());
        if (stmt instanceof Stmt.SystemDecl s) return s.names();
        if (stmt instanceof Stmt.Row s) return List.of(tableOf(s));
        return List.of();
    }

    private static String tableOf(Stmt.Row row) {
        return row.table() == null ? "results" : row.table();
    }

    /** Systems and tables become globals wherever they are declared; settings are collected from every experiment. */
    private static void collectAnywhere(List<Stmt> statements, Definitions out) {
        for (Stmt stmt : statements) {
            if (stmt instanceof Stmt.SystemDecl s) {
                out.globals().addAll(s.names());
                for (String n : s.names()) if (!out.systems().contains(n)) out.systems().add(n);
            } else if (stmt instanceof Stmt.Row r) {
                out.globals().add(tableOf(r));
            } else if (stmt instanceof Stmt.ExperimentDecl e) {
                for (Stmt.Clause c : e.clauses()) {
                    if (c instanceof Stmt.Settings s) for (Stmt.SettingDecl d : s.settings()) out.settings().add(d.name());
                }
            } else if (stmt instanceof Stmt.Block b) {
                collectAnywhere(b.statements(), out);
            } else if (stmt instanceof Stmt.For f) {
                collectAnywhere(f.body().statements(), out);
            } else if (stmt instanceof Stmt.Sweep sw) {
                collectAnywhere(sw.body().statements(), out);
            } else if (stmt instanceof Stmt.While w) {
                collectAnywhere(w.body().statements(), out);
            } else if (stmt instanceof Stmt.If i) {
                collectAnywhere(i.then().statements(), out);
                if (i.otherwise() != null) collectAnywhere(List.of(i.otherwise()), out);
            } else if (stmt instanceof Stmt.FunctionDecl f && f.function().body() != null) {
                collectAnywhere(f.function().body().statements(), out);
            }
        }
    }

    /**
     * What a `use` brings in, or null when the module cannot be read (then, if report is set, the
     * error the running script would raise is recorded). A module that does not parse brings nothing.
     */
    private Definitions module(Stmt.Use use, Set<String> visiting, boolean report) {
        try {
            if (use.module() != null) {
                Definitions known = STANDARD.get(use.module());
                if (known != null) return known;
                String text = StandardLibrary.read(use.module());
                if (text == null) {
                    if (report) errors.add(Interpreter.noModule(use));
                    return null;
                }
                Definitions defined = parsed(new Source("stdlib/" + use.module() + ".beable", text), "module:" + use.module(), visiting);
                if (defined != null) STANDARD.put(use.module(), defined);
                return defined;
            }
            Path file = baseDirectory.resolve(use.path()).normalize();
            if (!Files.isRegularFile(file)) {
                if (report) errors.add(Interpreter.noFile(use));
                return null;
            }
            return parsed(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)), file.toString(), visiting);
        } catch (IOException e) {
            return null;
        }
    }

    private Definitions parsed(Source source, String key, Set<String> visiting) {
        if (!visiting.add(key)) return null;
        try {
            return definitions(Parser.parse(source), visiting);
        } catch (BeableError | StackOverflowError e) {
            return null;      // the module's own errors are reported where it is opened or run
        } finally {
            visiting.remove(key);
        }
    }

    // ------------------------------------------------------------------ the walk

    /** Local names in the same nesting as the compiler's scopes; `inFunction` marks code that runs later, when every global exists. */
    private static final class Scope {
        final Scope parent;
        final Set<String> locals = new HashSet<>();
        final boolean topLevel;
        final boolean inFunction;
        /** Names that mean something only to the node being checked (a detector's settings). */
        final Set<String> extra;

        private Scope(Scope parent, boolean topLevel, boolean inFunction, Set<String> extra) {
            this.parent = parent;
            this.topLevel = topLevel;
            this.inFunction = inFunction;
            this.extra = extra;
        }

        static Scope top() { return new Scope(null, true, false, Set.of()); }
        Scope block() { return new Scope(this, false, inFunction, extra); }
        Scope function() { return new Scope(this, false, true, extra); }
        Scope with(Set<String> names) { return new Scope(this, false, inFunction, names); }

        boolean resolves(String name) {
            for (Scope s = this; s != null; s = s.parent) if (s.locals.contains(name) || s.extra.contains(name)) return true;
            return false;
        }

        void declare(String name) {
            if (!topLevel) locals.add(name);
        }
    }

    private final class Walker implements Stmt.Visitor<Void, Scope>, Expr.Visitor<Void, Scope> {

        private void expr(Expr e, Scope scope) {
            if (e != null) e.accept(this, scope);
        }

        private void exprs(List<Expr> list, Scope scope) {
            for (Expr e : list) expr(e, scope);
        }

        private void body(Stmt.Block block, Scope scope) {
            for (Stmt s : block.statements()) s.accept(this, scope);
        }

        private boolean known(String name, Scope scope) {
            if (scope.resolves(name)) return true;
            return scope.inFunction ? allGlobals.contains(name) : definedSoFar.contains(name);
        }

        private void read(String name, Span span, Scope scope) {
            if (!known(name, scope)) errors.add(Undefined.read(name, span, new java.util.TreeSet<>(definedSoFar), detectors::containsKey));
        }

        /** A predefined callable the script has not redefined anywhere, or null. */
        private Callable predefined(Expr callee, Scope scope) {
            if (!(callee instanceof Expr.Variable v) || scope.resolves(v.name()) || ownNames.contains(v.name())) return null;
            return session.lookup(v.name()) instanceof Callable c ? c : null;
        }

        @Override public Void visitBlock(Stmt.Block s, Scope scope) { body(s, scope.block()); return null; }

        @Override
        public Void visitLet(Stmt.Let s, Scope scope) {
            expr(s.value(), scope);
            scope.declare(s.name());
            return null;
        }

        @Override
        public Void visitStateDecl(Stmt.StateDecl s, Scope scope) {
            expr(s.value(), scope);
            scope.declare(s.name());
            return null;
        }

        @Override
        public Void visitAssign(Stmt.Assign s, Scope scope) {
            expr(s.value(), scope);
            if (!known(s.name(), scope)) errors.add(Undefined.assigned(s.name(), s.span()));
            return null;
        }

        @Override public Void visitPrint(Stmt.Print s, Scope scope) { exprs(s.values(), scope); return null; }
        @Override public Void visitAssert(Stmt.Assert s, Scope scope) { expr(s.condition(), scope); return null; }

        @Override
        public Void visitAssertApprox(Stmt.AssertApprox s, Scope scope) {
            expr(s.actual(), scope);
            expr(s.expected(), scope);
            expr(s.tolerance(), scope);
            return null;
        }

        @Override
        public Void visitFor(Stmt.For s, Scope scope) {
            expr(s.items(), scope);
            Scope inner = scope.block();
            inner.declare(s.variable());
            body(s.body(), inner);
            return null;
        }

        /** A sweep's axes read the names before it; its body sees the axis names (the compiler refuses assignments to outer names). */
        @Override
        public Void visitSweep(Stmt.Sweep s, Scope scope) {
            Scope inner = scope.block();
            for (Stmt.Axis axis : s.axes()) {
                expr(axis.items(), scope);
                axis.names().forEach(inner::declare);
            }
            body(s.body(), inner);
            return null;
        }

        @Override
        public Void visitWhile(Stmt.While s, Scope scope) {
            expr(s.condition(), scope);
            body(s.body(), scope.block());
            return null;
        }

        @Override
        public Void visitIf(Stmt.If s, Scope scope) {
            expr(s.condition(), scope);
            body(s.then(), scope.block());
            if (s.otherwise() != null) s.otherwise().accept(this, scope.block());
            return null;
        }

        @Override
        public Void visitFunctionDecl(Stmt.FunctionDecl s, Scope scope) {
            scope.declare(s.name());
            visitLambda(s.function(), scope);
            return null;
        }

        @Override public Void visitReturn(Stmt.Return s, Scope scope) { expr(s.value(), scope); return null; }

        @Override
        public Void visitUse(Stmt.Use s, Scope scope) {
            String key = s.module() != null ? "module:" + s.module() : s.path();
            if (!modulesSeen.add(key)) return null;
            Definitions module = module(s, new HashSet<>(), true);
            if (module != null) {
                definedSoFar.addAll(module.globals());
                for (String system : module.systems()) if (!systemsSoFar.contains(system)) systemsSoFar.add(system);
            }
            return null;
        }

        @Override public Void visitSeed(Stmt.Seed s, Scope scope) { expr(s.value(), scope); return null; }

        @Override
        public Void visitSystemDecl(Stmt.SystemDecl s, Scope scope) {
            expr(s.dimension(), scope);
            for (String name : s.names()) if (!systemsSoFar.contains(name)) systemsSoFar.add(name);
            definedSoFar.addAll(s.names());
            return null;
        }

        @Override
        public Void visitDetectorDecl(Stmt.DetectorDecl s, Scope scope) {
            expr(s.outcomes(), scope);
            expr(s.noClick(), scope);
            // The measurement is a function of the experiment's setting: a setting's name is fine there.
            expr(s.measurement(), scope.with(settings));
            boolean system = systemsSoFar.contains(s.system()) && !scope.resolves(s.system());
            if (!system && !scope.inFunction) errors.add(session.physics().notASystem(s, List.copyOf(systemsSoFar)));
            scope.declare(s.name());
            return null;
        }

        @Override
        public Void visitExperimentDecl(Stmt.ExperimentDecl s, Scope scope) {
            unreadSettings(s);
            for (Stmt.Clause clause : s.clauses()) {
                if (clause instanceof Stmt.Prepare p) {
                    expr(p.state(), scope);
                } else if (clause instanceof Stmt.Evolve e) {
                    expr(e.hamiltonian(), scope);
                    expr(e.time(), scope);
                } else if (clause instanceof Stmt.Settings set) {
                    for (Stmt.SettingDecl d : set.settings()) {
                        expr(d.source(), scope);
                        if (d.values() != null) for (Expr v : d.values()) expr(v, scope);
                    }
                } else if (clause instanceof Stmt.Choose c) {
                    expr(c.rule(), scope);
                } else if (clause instanceof Stmt.Trials t) {
                    expr(t.count(), scope);
                }
            }
            scope.declare(s.name());
            return null;
        }

        @Override
        public Void visitModelDecl(Stmt.ModelDecl s, Scope scope) {
            expr(s.value(), scope);
            scope.declare(s.name());
            return null;
        }

        /** A written model's rules read hidden variables, settings and detectors that only an experiment gives meaning: not checked here. */
        @Override
        public Void visitModelBlock(Stmt.ModelBlock s, Scope scope) {
            scope.declare(s.name());
            return null;
        }

        @Override public Void visitExprStmt(Stmt.ExprStmt s, Scope scope) { expr(s.expr(), scope); return null; }
        @Override public Void visitRow(Stmt.Row s, Scope scope) { exprs(s.values(), scope); return null; }

        @Override
        public Void visitPlot(Stmt.Plot s, Scope scope) {
            expr(s.path(), scope);
            expr(s.title(), scope);
            return null;
        }

        @Override
        public Void visitExport(Stmt.Export s, Scope scope) {
            expr(s.value(), scope);
            expr(s.path(), scope);
            return null;
        }

        // -------------------------------------------------------------- expressions

        @Override public Void visitNumber(Expr.Number e, Scope scope) { return null; }
        @Override public Void visitImaginary(Expr.Imaginary e, Scope scope) { return null; }
        @Override public Void visitStr(Expr.Str e, Scope scope) { return null; }
        @Override public Void visitBool(Expr.Bool e, Scope scope) { return null; }
        @Override public Void visitNoneLit(Expr.NoneLit e, Scope scope) { return null; }
        @Override public Void visitKet(Expr.Ket e, Scope scope) { return null; }
        @Override public Void visitVariable(Expr.Variable e, Scope scope) { read(e.name(), e.span(), scope); return null; }
        @Override public Void visitNegate(Expr.Negate e, Scope scope) { expr(e.operand(), scope); return null; }
        @Override public Void visitNot(Expr.Not e, Scope scope) { expr(e.operand(), scope); return null; }

        @Override
        public Void visitBinary(Expr.Binary e, Scope scope) {
            expr(e.left(), scope);
            expr(e.right(), scope);
            return null;
        }

        @Override
        public Void visitLogical(Expr.Logical e, Scope scope) {
            expr(e.left(), scope);
            expr(e.right(), scope);
            return null;
        }

        @Override
        public Void visitCall(Expr.Call c, Scope scope) {
            Callable callee = predefined(c.callee(), scope);
            // An experiment shares its name with a function (`chsh(r)`): the call means the builtin, whatever the script defined.
            if (callee == null && c.callee() instanceof Expr.Variable v && !scope.resolves(v.name())
                    && session.builtins().containsKey(v.name())) {
                callee = session.builtins().get(v.name());
                if (ownNames.contains(v.name())) callee = null;       // a script's own function of that name may be what runs
            }
            expr(c.callee(), scope);
            int positional = 0;
            Map<String, Expr> named = new LinkedHashMap<>();
            for (Expr.Argument a : c.arguments()) {
                if (a.name() == null) {
                    positional++;
                    expr(a.value(), scope);
                } else {
                    named.putIfAbsent(a.name(), a.value());
                    namedArgument(a, callee, c.callee(), scope);
                }
            }
            if (callee != null) {
                BeableError refused = callee.refuseShape(positional, List.copyOf(named.keySet()), c.span());
                if (refused != null) errors.add(refused);
                for (Map.Entry<String, Expr> a : named.entrySet()) {
                    Object literal = refused == null ? literal(a.getValue()) : null;
                    BeableError bad = literal == null ? null : callee.refuseValue(a.getKey(), literal, c.span());
                    if (bad != null) {
                        errors.add(bad);
                        break;      // the call stops at its first bad value
                    }
                }
            }
            return null;
        }

        /** The value of a literal argument (a number, a string, a boolean), or null when only running tells. */
        private Object literal(Expr e) {
            if (e instanceof Expr.Number n) return n.value();
            if (e instanceof Expr.Negate n && n.operand() instanceof Expr.Number x) return -x.value();
            if (e instanceof Expr.Str s) return s.value();
            if (e instanceof Expr.Bool b) return b.value();
            return null;
        }

        /** An undefined bare name as a named argument is a word to a model that takes one, an undefined name to anything else. */
        private void namedArgument(Expr.Argument a, Callable callee, Expr calleeExpr, Scope scope) {
            if (!(a.value() instanceof Expr.Variable v) || known(v.name(), scope)) {
                expr(a.value(), scope);
                return;
            }
            if (callee == null && !(calleeExpr instanceof Expr.Variable)) return;     // who is called is known only when it runs
            if (callee == null && calleeExpr instanceof Expr.Variable cv && ownNames.contains(cv.name())) {
                return;     // the script's own name: it may hold a model, which takes words
            }
            if (callee != null && callee.takesWord(a.name())) return;
            errors.add(Undefined.read(v.name(), v.span(), new java.util.TreeSet<>(definedSoFar), detectors::containsKey));
        }

        @Override
        public Void visitIndex(Expr.Index e, Scope scope) {
            expr(e.target(), scope);
            expr(e.index(), scope);
            return null;
        }

        @Override public Void visitField(Expr.Field e, Scope scope) { expr(e.target(), scope); return null; }
        @Override public Void visitAdjoint(Expr.Adjoint e, Scope scope) { expr(e.target(), scope); return null; }
        @Override public Void visitListLit(Expr.ListLit e, Scope scope) { exprs(e.items(), scope); return null; }

        @Override
        public Void visitMatrixLit(Expr.MatrixLit e, Scope scope) {
            for (List<Expr> row : e.rows()) exprs(row, scope);
            return null;
        }

        @Override
        public Void visitRange(Expr.Range e, Scope scope) {
            expr(e.from(), scope);
            expr(e.to(), scope);
            expr(e.step(), scope);
            return null;
        }

        @Override
        public Void visitConditional(Expr.Conditional e, Scope scope) {
            expr(e.cond(), scope);
            expr(e.then(), scope);
            expr(e.otherwise(), scope);
            return null;
        }

        @Override
        public Void visitLambda(Expr.Lambda e, Scope scope) {
            Scope inner = scope.function();
            for (String p : e.params()) inner.declare(p);
            if (e.body() != null) body(e.body(), inner);
            else expr(e.value(), inner);
            return null;
        }

        @Override
        public Void visitRun(Expr.Run e, Scope scope) {
            expr(e.experiment(), scope);
            expr(e.model(), scope);
            return null;
        }

        @Override
        public Void visitPredict(Expr.Predict e, Scope scope) {
            expr(e.experiment(), scope);
            expr(e.model(), scope);
            return null;
        }

        @Override
        public Void visitLocality(Expr.Locality e, Scope scope) {
            expr(e.experiment(), scope);
            expr(e.model(), scope);
            expr(e.samples(), scope);
            return null;
        }
    }
}
