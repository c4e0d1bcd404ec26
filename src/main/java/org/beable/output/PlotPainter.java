package org.beable.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a plot on any Graphics2D (an SVG or PDF document, a PNG image), in layers from the back:
 * grid, reference levels (constant series, dashed), exact curves, sampled points, then their error
 * bars with caps on top of the markers, so a bar shorter than a marker still shows. The y axis is
 * labelled with the series' name (or what the names share), an angle x axis is ticked in
 * fractions of π, and the legend names only series drawn distinctly (none for a single series).
 */
final class PlotPainter {
    static final int WIDTH = 800;
    static final int HEIGHT = 520;

    /** Okabe–Ito: told apart with every kind of colour vision. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color INK = new Color(0x222222);
    private static final String FONT = "SansSerif";
    private static final double LEFT = 78, RIGHT = 24, TOP = 44, BOTTOM = 62;
    private static final double MARKER = 3.6;
    private static final double CAP = 4;

    private enum Kind { LEVEL, CURVE, SAMPLED }

    private record Look(PlotData.Series series, Kind kind, Color color, boolean distinct) {}

    private final PlotData data;
    private final String title;
    private boolean textAsOutlines;
    private final List<Look> looks;
    private final PlotAxis xAxis;
    private final PlotAxis yAxis;

    PlotPainter(PlotData data, String title) {
        this.data = data;
        this.title = title;
        this.looks = looks(data);
        double xLow = Double.POSITIVE_INFINITY, xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY, yHigh = Double.NEGATIVE_INFINITY;
        List<Double> xs = new ArrayList<>();
        for (PlotData.Series s : data.series()) {
            for (int k = 0; k < s.x().length; k++) {
                xLow = Math.min(xLow, s.x()[k]);
                xHigh = Math.max(xHigh, s.x()[k]);
                yLow = Math.min(yLow, s.y()[k] - s.error()[k]);
                yHigh = Math.max(yHigh, s.y()[k] + s.error()[k]);
                xs.add(s.x()[k]);
            }
        }
        if (xs.isEmpty()) {
            xLow = yLow = 0;
            xHigh = yHigh = 1;
        }
        double[] xValues = xs.stream().mapToDouble(Double::doubleValue).toArray();
        this.xAxis = !xs.isEmpty() && PlotAxis.isAngle(xValues) ? PlotAxis.angle(xLow, xHigh) : PlotAxis.numeric(xLow, xHigh);
        this.yAxis = PlotAxis.numeric(yLow, yHigh);
    }

    /** Each series' kind and colour; a look shared with another series is not distinct. */
    private static List<Look> looks(PlotData data) {
        List<Look> looks = new ArrayList<>();
        int n = data.series().size();
        for (int i = 0; i < n; i++) {
            PlotData.Series s = data.series().get(i);
            Kind kind = s.hasErrors() ? Kind.SAMPLED : isConstant(s) ? Kind.LEVEL : Kind.CURVE;
            Color color = PALETTE[i % PALETTE.length];
            looks.add(new Look(s, kind, color, true));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Look a = looks.get(i);
                Look b = looks.get(j);
                if (i != j && a.kind() == b.kind() && a.color().equals(b.color())) looks.set(i, new Look(a.series(), a.kind(), a.color(), false));
            }
        }
        return looks;
    }

    static boolean isConstant(PlotData.Series s) {
        for (double y : s.y()) if (y != s.y()[0]) return false;
        return s.y().length > 1;
    }

    /**
     * The y axis title: the first word (before "_") every series' name shares (`P_model`, `P_born`
     * → `P`), else the same over the curves and points leaving out the constant levels, else the
     * one curve's name, else the curves' names.
     */
    String yTitle() {
        List<String> all = new ArrayList<>();
        List<String> varying = new ArrayList<>();
        for (Look l : looks) {
            all.add(l.series().name());
            if (l.kind() != Kind.LEVEL) varying.add(l.series().name());
        }
        if (all.size() == 1) return all.get(0);
        String shared = sharedFirstWord(all);
        if (shared == null && !varying.isEmpty()) shared = varying.size() == 1 ? varying.get(0) : sharedFirstWord(varying);
        return shared != null ? shared : String.join(", ", varying.isEmpty() ? all : varying);
    }

    private static String sharedFirstWord(List<String> names) {
        String first = names.get(0).split("_", 2)[0];
        return names.stream().allMatch(n -> n.equals(first) || n.startsWith(first + "_")) ? first : null;
    }

    /**
     * Draws text as filled glyph outlines instead of text (for PDF, whose standard fonts have no π
     * or θ and other widths than the fonts the layout was measured with).
     */
    PlotPainter textAsOutlines() {
        this.textAsOutlines = true;
        return this;
    }

    private void text(Graphics2D g, String s, double x, double y) {
        if (textAsOutlines) g.fill(g.getFont().createGlyphVector(g.getFontRenderContext(), s).getOutline((float) x, (float) y));
        else g.drawString(s, (float) x, (float) y);
    }

    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        Rectangle2D plot = new Rectangle2D.Double(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        grid(g, plot);
        Shape clip = g.getClip();
        double room = MARKER + CAP;   // markers and caps at the edge show whole
        g.clip(new Rectangle2D.Double(plot.getX() - room, plot.getY() - room, plot.getWidth() + 2 * room, plot.getHeight() + 2 * room));
        for (Kind kind : Kind.values()) for (Look l : looks) if (l.kind() == kind) series(g, plot, l);
        for (Look l : looks) if (l.kind() == Kind.SAMPLED) errorBars(g, plot, l);
        g.setClip(clip);
        axes(g, plot);
        if (looks.size() > 1) legend(g, plot);
    }

    private double px(Rectangle2D plot, double x) {
        return plot.getX() + (x - xAxis.min()) / (xAxis.max() - xAxis.min()) * plot.getWidth();
    }

    private double py(Rectangle2D plot, double y) {
        return plot.getMaxY() - (y - yAxis.min()) / (yAxis.max() - yAxis.min()) * plot.getHeight();
    }

    private void grid(Graphics2D g, Rectangle2D plot) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (PlotAxis.Tick t : xAxis.ticks()) g.draw(new Line2D.Double(px(plot, t.value()), plot.getY(), px(plot, t.value()), plot.getMaxY()));
        for (PlotAxis.Tick t : yAxis.ticks()) g.draw(new Line2D.Double(plot.getX(), py(plot, t.value()), plot.getMaxX(), py(plot, t.value())));
    }

    private static BasicStroke stroke(Kind kind) {
        return kind == Kind.LEVEL
                ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private void series(Graphics2D g, Rectangle2D plot, Look look) {
        PlotData.Series s = look.series();
        g.setColor(look.color());
        if (look.kind() == Kind.SAMPLED) {
            for (int k = 0; k < s.x().length; k++) g.fill(marker(px(plot, s.x()[k]), py(plot, s.y()[k])));
            return;
        }
        if (s.x().length == 0) return;
        g.setStroke(stroke(look.kind()));
        Path2D.Double path = new Path2D.Double();
        path.moveTo(px(plot, s.x()[0]), py(plot, s.y()[0]));
        for (int k = 1; k < s.x().length; k++) path.lineTo(px(plot, s.x()[k]), py(plot, s.y()[k]));
        g.draw(path);
    }

    private static Shape marker(double x, double y) {
        return new Ellipse2D.Double(x - MARKER, y - MARKER, 2 * MARKER, 2 * MARKER);
    }

    private void errorBars(Graphics2D g, Rectangle2D plot, Look look) {
        PlotData.Series s = look.series();
        g.setColor(look.color().darker().darker());
        g.setStroke(new BasicStroke(1.2f));
        for (int k = 0; k < s.x().length; k++) {
            if (!(s.error()[k] > 0)) continue;
            double x = px(plot, s.x()[k]);
            double low = py(plot, s.y()[k] - s.error()[k]);
            double high = py(plot, s.y()[k] + s.error()[k]);
            g.draw(new Line2D.Double(x, low, x, high));
            g.draw(new Line2D.Double(x - CAP, low, x + CAP, low));
            g.draw(new Line2D.Double(x - CAP, high, x + CAP, high));
        }
    }

    private void axes(Graphics2D g, Rectangle2D plot) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(plot.getX(), plot.getMaxY(), plot.getMaxX(), plot.getMaxY()));
        g.draw(new Line2D.Double(plot.getX(), plot.getY(), plot.getX(), plot.getMaxY()));
        Font tickFont = new Font(FONT, Font.PLAIN, 13);
        g.setFont(tickFont);
        FontMetrics m = g.getFontMetrics();
        for (PlotAxis.Tick t : xAxis.ticks()) {
            double x = px(plot, t.value());
            g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + 5));
            text(g, t.label(), (float) (x - m.stringWidth(t.label()) / 2.0), (float) (plot.getMaxY() + 8 + m.getAscent()));
        }
        double widest = 0;
        for (PlotAxis.Tick t : yAxis.ticks()) {
            double y = py(plot, t.value());
            g.draw(new Line2D.Double(plot.getX() - 5, y, plot.getX(), y));
            int w = m.stringWidth(t.label());
            widest = Math.max(widest, w);
            text(g, t.label(), (float) (plot.getX() - 8 - w), (float) (y + m.getAscent() / 2.0 - 1));
        }
        g.setFont(new Font(FONT, Font.PLAIN, 15));
        FontMetrics big = g.getFontMetrics();
        String x = data.xName();
        text(g, x, (float) (plot.getCenterX() - big.stringWidth(x) / 2.0), (float) (HEIGHT - 16));
        String y = yTitle();
        AffineTransform saved = g.getTransform();
        g.translate(plot.getX() - 16 - widest, plot.getCenterY() + big.stringWidth(y) / 2.0);
        g.rotate(-Math.PI / 2);
        text(g, y, 0f, 0f);
        g.setTransform(saved);
        if (title != null && !title.isEmpty()) {
            g.setFont(new Font(FONT, Font.BOLD, 16));
            FontMetrics t = g.getFontMetrics();
            text(g, title, (float) (WIDTH / 2.0 - t.stringWidth(title) / 2.0), (float) (TOP - 16));
        }
    }

    /** In the corner of the plot with the fewest points under it. */
    private void legend(Graphics2D g, Rectangle2D plot) {
        List<Look> shown = looks.stream().filter(Look::distinct).toList();
        if (shown.isEmpty()) return;
        g.setFont(new Font(FONT, Font.PLAIN, 13));
        FontMetrics m = g.getFontMetrics();
        double line = m.getHeight() + 4;
        double width = 0;
        for (Look l : shown) width = Math.max(width, m.stringWidth(l.series().name()));
        width += 48;
        double height = shown.size() * line + 10;
        Rectangle2D box = emptiestCorner(plot, width, height);
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(box);
        g.setColor(new Color(0xBBBBBB));
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        for (int i = 0; i < shown.size(); i++) {
            Look l = shown.get(i);
            double y = box.getY() + 5 + line * i + line / 2;
            double x = box.getX() + 8;
            g.setColor(l.color());
            if (l.kind() == Kind.SAMPLED) {
                g.fill(marker(x + 14, y));
                g.setColor(l.color().darker().darker());
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Line2D.Double(x + 14, y - 7, x + 14, y + 7));
                g.draw(new Line2D.Double(x + 14 - CAP, y - 7, x + 14 + CAP, y - 7));
                g.draw(new Line2D.Double(x + 14 - CAP, y + 7, x + 14 + CAP, y + 7));
            } else {
                g.setStroke(stroke(l.kind()));
                g.draw(new Line2D.Double(x, y, x + 28, y));
            }
            g.setColor(INK);
            text(g, l.series().name(), (float) (x + 36), (float) (y + m.getAscent() / 2.0 - 2));
        }
    }

    private Rectangle2D emptiestCorner(Rectangle2D plot, double width, double height) {
        double inset = 8;
        double[][] corners = {
            {plot.getMaxX() - inset - width, plot.getY() + inset}, {plot.getX() + inset, plot.getY() + inset},
            {plot.getMaxX() - inset - width, plot.getMaxY() - inset - height}, {plot.getX() + inset, plot.getMaxY() - inset - height},
        };
        Rectangle2D best = null;
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            Rectangle2D box = new Rectangle2D.Double(c[0], c[1], width, height);
            int covered = 0;
            for (Look l : looks) {
                PlotData.Series s = l.series();
                for (int k = 0; k < s.x().length; k++) {
                    double x = px(plot, s.x()[k]);
                    double y = py(plot, s.y()[k]);
                    if (box.contains(x, y)) covered += 2;
                    if (k > 0 && box.intersectsLine(px(plot, s.x()[k - 1]), py(plot, s.y()[k - 1]), x, y)) covered++;
                }
            }
            if (covered < fewest) {
                fewest = covered;
                best = box;
            }
        }
        return best;
    }
}
