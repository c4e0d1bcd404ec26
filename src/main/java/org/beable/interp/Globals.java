package org.beable.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;

/** The top-level environment: builtins first, then everything a script or REPL session defines. */
final class Globals {
    private final Map<String, Cell> cells = new LinkedHashMap<>();

    Cell cell(String name) {
        return cells.computeIfAbsent(name, Cell::new);
    }

    boolean isDefined(String name) {
        Cell c = cells.get(name);
        return c != null && c.value != null;
    }

    Object get(String name) {
        Cell c = cells.get(name);
        return c == null ? null : c.value;
    }

    void define(String name, Object value) {
        cell(name).value = value;
    }

    SortedSet<String> definedNames() {
        SortedSet<String> names = new TreeSet<>();
        cells.forEach((name, cell) -> { if (cell.value != null) names.add(name); });
        return names;
    }
}
