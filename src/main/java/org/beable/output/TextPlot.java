package org.beable.output;

import java.util.Arrays;
import org.beable.format.Numbers;

/** A quick plot in the terminal: one marker per series on a character grid, with the axis ranges. */
public final class TextPlot {
    private static final char[] MARKERS = {'*', 'o', '+', 'x', '#', '@'};
    private static final int WIDTH = 60;
    private static final int HEIGHT = 16;

    private TextPlot() {}

    public static String render(PlotData data, String title) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (PlotData.Series s : data.series()) {
            for (int k = 0; k < s.x().length; k++) {
                xMin = Math.min(xMin, s.x()[k]);
                xMax = Math.max(xMax, s.x()[k]);
                yMin = Math.min(yMin, s.y()[k] - s.error()[k]);
                yMax = Math.max(yMax, s.y()[k] + s.error()[k]);
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        if (xMin > xMax) return out.append("(no points to plot)").toString();
        if (xMax == xMin) { xMax += 0.5; xMin -= 0.5; }
        if (yMax == yMin) { yMax += 0.5; yMin -= 0.5; }
        char[][] grid = new char[HEIGHT][WIDTH];
        for (char[] row : grid) Arrays.fill(row, ' ');
        for (int s = 0; s < data.series().size(); s++) {
            PlotData.Series series = data.series().get(s);
            for (int k = 0; k < series.x().length; k++) {
                int col = (int) Math.round((series.x()[k] - xMin) / (xMax - xMin) * (WIDTH - 1));
                int row = HEIGHT - 1 - (int) Math.round((series.y()[k] - yMin) / (yMax - yMin) * (HEIGHT - 1));
                grid[row][col] = MARKERS[s % MARKERS.length];
            }
        }
        String top = Numbers.format(yMax);
        String bottom = Numbers.format(yMin);
        int margin = Math.max(top.length(), bottom.length());
        for (int row = 0; row < HEIGHT; row++) {
            String label = row == 0 ? top : row == HEIGHT - 1 ? bottom : "";
            out.append(" ".repeat(margin - label.length())).append(label).append(" │").append(new String(grid[row]).stripTrailing()).append('\n');
        }
        out.append(" ".repeat(margin)).append(" └").append("─".repeat(WIDTH)).append('\n');
        String left = Numbers.format(xMin);
        String right = Numbers.format(xMax);
        out.append(" ".repeat(margin + 2)).append(left)
                .append(" ".repeat(Math.max(1, WIDTH - left.length() - right.length()))).append(right).append('\n');
        out.append(" ".repeat(margin + 2)).append(data.xName()).append("   ");
        for (int s = 0; s < data.series().size(); s++) {
            out.append(MARKERS[s % MARKERS.length]).append(' ').append(data.series().get(s).name()).append("  ");
        }
        return out.toString().stripTrailing();
    }
}
