package org.beable.interp;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;

/** The variable names an expression mentions: how a detector's expression reveals which setting it reads. */
public final class FreeNames {
    private FreeNames() {}

    public static Set<String> of(Expr expression) {
        Set<String> names = new LinkedHashSet<>();
        collect(expression, names);
        return names;
    }

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Expr.Variable v) {
            names.add(v.name());
        } else if (node instanceof List<?> list) {
            for (Object item : list) collect(item, names);
        } else if (node instanceof Record record && !(node instanceof Span)) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getType().isPrimitive() || c.getType() == String.class) continue;
                try {
                    collect(c.getAccessor().invoke(record), names);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
