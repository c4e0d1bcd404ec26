package org.beable.output;

import java.util.ArrayList;
import java.util.List;
import org.beable.format.DataTable;

/** The series `plot y1, y2 vs x` draws from a table: one (x, y, error) list per y column, rows without values skipped. */
public record PlotData(String xName, List<Series> series) {

    public record Series(String name, double[] x, double[] y, double[] error) {
        public boolean hasErrors() {
            for (double e : error) if (e > 0) return true;
            return false;
        }
    }

    public static PlotData of(DataTable table, List<String> ys, String x) {
        for (String column : concat(ys, x)) {
            if (!table.hasColumn(column)) {
                throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + column + "'; its columns are: "
                        + String.join(", ", table.columns()));
            }
        }
        List<Series> series = new ArrayList<>();
        for (String y : ys) {
            List<double[]> points = new ArrayList<>();
            for (int row = 0; row < table.size(); row++) {
                Double xv = number(table.cell(row, x));
                Object cell = table.cell(row, y);
                Double yv = number(cell);
                if (xv == null || yv == null) continue;
                points.add(new double[] {xv, yv, cell instanceof Measured m ? m.standardError() : 0});
            }
            double[] xs = new double[points.size()];
            double[] yvals = new double[points.size()];
            double[] errors = new double[points.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = points.get(k)[0];
                yvals[k] = points.get(k)[1];
                errors[k] = points.get(k)[2];
            }
            series.add(new Series(y, xs, yvals, errors));
        }
        return new PlotData(x, series);
    }

    private static Double number(Object cell) {
        if (cell instanceof Double d && Double.isFinite(d)) return d;
        if (cell instanceof Measured m && Double.isFinite(m.value())) return m.value();
        return null;
    }

    private static List<String> concat(List<String> ys, String x) {
        List<String> all = new ArrayList<>(ys);
        all.add(x);
        return all;
    }
}
