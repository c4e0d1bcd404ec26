package org.beable.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beable.format.Tabular;
import org.beable.interp.LineCarrier;
import org.beable.interp.Output;
import org.beable.interp.Values;
import org.beable.model.OutcomeStatistics;
import org.beable.output.DataNumbers;
import org.beable.output.Rows;

/**
 * `--format csv`: a printed result, table or analysis becomes its header and rows (the same
 * columns and exact numbers `export … to "x.csv"` writes); any other print becomes one record of
 * its values. A script that prints several tables writes them one after another: to read them
 * with no options, export each to a file of its own.
 */
public final class CsvOutput implements Output {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private final PrintStream out;

    public CsvOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(List<Object> values) {
        printCarried(render(values));
    }

    @Override public String form() { return Carrier.FORM; }

    @Override
    public void printCarried(String carried) {
        out.print(carried);
        out.flush();
    }

    /** The records a print writes. */
    static String render(List<Object> values) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            if (values.size() == 1 && (values.get(0) instanceof Tabular || values.get(0) instanceof OutcomeStatistics)) {
                Rows rows = org.beable.bindings.ResultTables.exportable(values.get(0));
                printer.printRecord(rows.columns());
                for (List<Object> row : rows.rows()) printer.printRecord(cells(row));
                printer.flush();
            } else {
                List<String> record = new ArrayList<>();
                for (Object v : values) record.add(v instanceof Double d ? DataNumbers.text(d) : Values.show(v));
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Carries a line printed elsewhere (a journaled or remote sweep cell) as the records it prints. */
    public static final class Carrier implements LineCarrier {
        static final String FORM = "csv";

        @Override public String form() { return FORM; }

        @Override public String carry(List<Object> values) { return render(values); }
    }

    private static List<String> cells(List<Object> row) {
        List<String> cells = new ArrayList<>(row.size());
        for (Object cell : row) cells.add(Rows.text(cell));
        return cells;
    }
}
