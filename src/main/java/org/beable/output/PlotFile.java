package org.beable.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A plot written to an SVG or PNG file with XChart: axis titles from the column names, a
 * legend, error bars for sampled values. The file records how it was made: an XML comment in
 * an SVG, a tEXt chunk in a PNG.
 */
public final class PlotFile {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 520;

    private PlotFile() {}

    public static void write(PlotData data, String title, Path path, Provenance provenance) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = chart(data, title);
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".svg")) writeSvg(chart, path, provenance);
        else if (name.endsWith(".png")) writePng(chart, path, provenance);
        else throw new IllegalArgumentException("a plot is written to a .svg or .png file, not '" + path.getFileName() + "'");
    }

    static XYChart chart(PlotData data, String title) {
        // With several series the legend names them; the axis title would only repeat it.
        String yTitle = data.series().size() == 1 ? data.series().get(0).name() : "";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(data.xName()).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(new Color(200, 200, 200));
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (PlotData.Series s : data.series()) {
            XYSeries series = s.hasErrors() ? chart.addSeries(s.name(), s.x(), s.y(), s.error()) : chart.addSeries(s.name(), s.x(), s.y());
            if (s.hasErrors()) {
                // Sampled values: points with error bars, no line pretending to know what lies between them.
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
            } else if (isConstant(s)) {
                // A bound or reference level: a dashed line.
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            } else {
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(2f));
            }
        }
        return chart;
    }

    private static boolean isConstant(PlotData.Series s) {
        for (double y : s.y()) if (y != s.y()[0]) return false;
        return s.y().length > 1;
    }

    private static void writeSvg(XYChart chart, Path path, Provenance provenance) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = bytes.toString(StandardCharsets.UTF_8);
        String comment = "<!-- " + provenance.line().replace("--", "- -") + " -->\n";
        int afterDeclaration = svg.startsWith("<?xml") ? svg.indexOf("?>") + 2 : 0;
        String stamped = svg.substring(0, afterDeclaration) + (afterDeclaration > 0 ? "\n" : "") + comment + svg.substring(afterDeclaration).stripLeading();
        Files.writeString(path, stamped, StandardCharsets.UTF_8);
    }

    private static void writePng(XYChart chart, Path path, Provenance provenance) throws IOException {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", "Software");
        entry.setAttribute("value", provenance.line());
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        text.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        Files.deleteIfExists(path);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(path.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }
}
