package org.beable.study;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/**
 * Which file each sweep's rows end up in, read from the script before it runs: sweep k (the k-th
 * top-level `sweep`) goes to the first later `export TABLE to "file"` of a table its body keeps
 * rows in. That is the file a resumed run looks beside for the cells it already finished. A
 * script with a sweep anywhere but at the top level (in a loop or a function, where one statement
 * is many sweeps) gets no targets: it always runs every cell.
 */
final class ExportTargets {
    private ExportTargets() {}

    static Map<Integer, String> of(List<Stmt> program) {
        Map<Integer, String> targets = new HashMap<>();
        List<Set<String>> sweepTables = new ArrayList<>();
        for (Stmt s : program) {
            if (s instanceof Stmt.Sweep sweep) {
                sweepTables.add(tablesOf(sweep.body()));
            } else if (contains(s, Stmt.Sweep.class)) {
                return Map.of();
            } else if (s instanceof Stmt.Export e && e.value() instanceof Expr.Variable table && e.path() instanceof Expr.Str path) {
                for (int k = 0; k < sweepTables.size(); k++) {
                    if (!targets.containsKey(k) && sweepTables.get(k).contains(table.name())) targets.put(k, path.value());
                }
            }
        }
        return targets;
    }

    /** The tables a sweep's body keeps rows in (`row` into the default table `results`, or `row into t`). */
    private static Set<String> tablesOf(Object node) {
        Set<String> tables = new LinkedHashSet<>();
        walk(node, n -> { if (n instanceof Stmt.Row r) tables.add(r.table() == null ? "results" : r.table()); });
        return tables;
    }

    private static boolean contains(Object node, Class<?> kind) {
        boolean[] found = {false};
        walk(node, n -> found[0] |= kind.isInstance(n));
        return found[0];
    }

    private static void walk(Object node, java.util.function.Consumer<Object> visit) {
        if (node instanceof List<?> list) {
            for (Object item : list) walk(item, visit);
        } else if (node instanceof Record record && !(node instanceof Span)) {
            visit.accept(node);
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getType().isPrimitive() || c.getType() == String.class) continue;
                try {
                    walk(c.getAccessor().invoke(record), visit);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
