package org.beable.interp;

import java.util.List;
import org.beable.syntax.Span;

/**
 * One `row` as the session keeps it: the table it goes to, its columns and its cells (numbers,
 * text, or the bindings' measured values). A sweep cell buffers its rows as these and the session
 * appends them in cell order; shards, resumed runs and Spark tasks carry them between processes.
 */
public record KeptRow(String table, List<String> columns, List<Object> cells, Span span) {
    public KeptRow {
        columns = List.copyOf(columns);
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
}
