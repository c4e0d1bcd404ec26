package org.beable.output;

import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
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

/**
 * A plot written to an SVG, PDF or PNG file, drawn by {@link PlotPainter}: SVG and PDF through
 * VectorGraphics2D (already the vector back end; no second PDF library needed), PNG through Java2D
 * at twice the size for print. SVG text stays text ({@code <text>}: editable, small files); PDF text
 * is drawn as outlines, since the PDF standard fonts lack π and θ. Each file records how it was
 * made: an XML comment in an SVG, an Info dictionary in a PDF, a tEXt chunk in a PNG.
 */
public final class PlotFile {
    private static final int PNG_SCALE = 2;

    private PlotFile() {}

    public static void write(PlotData data, String title, Path path, Provenance provenance) throws IOException {
        System.setProperty("java.awt.headless", "true");
        PlotPainter painter = new PlotPainter(data, title);
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".svg")) writeSvg(painter, path, provenance);
        else if (name.endsWith(".pdf")) writePdf(painter, path, provenance);
        else if (name.endsWith(".png")) writePng(painter, path, provenance);
        else throw new IllegalArgumentException("a plot is written to a .svg, .pdf or .png file, not '" + path.getFileName() + "'");
    }

    private static byte[] vector(PlotPainter painter, Processor processor, Object text) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setRenderingHint(VectorHints.KEY_TEXT, text);
        painter.paint(g);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        processor.getDocument(g.getCommands(), new PageSize(0, 0, PlotPainter.WIDTH, PlotPainter.HEIGHT)).writeTo(bytes);
        return bytes.toByteArray();
    }

    private static void writePdf(PlotPainter painter, Path path, Provenance provenance) throws IOException {
        byte[] pdf = vector(painter.textAsOutlines(), new PDFProcessor(true), VectorHints.VALUE_TEXT_VECTOR);
        Files.write(path, PdfInfo.append(pdf, provenance.line()));
    }

    private static void writeSvg(PlotPainter painter, Path path, Provenance provenance) throws IOException {
        String svg = new String(vector(painter, new SVGProcessor(), VectorHints.VALUE_TEXT_DEFAULT), StandardCharsets.UTF_8);
        String comment = "<!-- " + provenance.line().replace("--", "- -") + " -->\n";
        int afterDeclaration = svg.startsWith("<?xml") ? svg.indexOf("?>") + 2 : 0;
        String stamped = svg.substring(0, afterDeclaration) + (afterDeclaration > 0 ? "\n" : "") + comment + svg.substring(afterDeclaration).stripLeading();
        Files.writeString(path, stamped, StandardCharsets.UTF_8);
    }

    private static void writePng(PlotPainter painter, Path path, Provenance provenance) throws IOException {
        BufferedImage image = new BufferedImage(PlotPainter.WIDTH * PNG_SCALE, PlotPainter.HEIGHT * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.scale(PNG_SCALE, PNG_SCALE);
        painter.paint(g);
        g.dispose();
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
