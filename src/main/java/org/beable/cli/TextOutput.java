package org.beable.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.beable.format.Tabular;
import org.beable.interp.LineCarrier;
import org.beable.interp.Output;
import org.beable.interp.Values;

/**
 * `print` as text: values separated by spaces on one line. A result or analysis printed on its
 * own becomes a table; beside other values it shows its one-line summary.
 */
public final class TextOutput implements Output {
    private final PrintStream out;

    public TextOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(List<Object> values) {
        out.println(LineCarrier.TEXT.carry(values));
    }
}
