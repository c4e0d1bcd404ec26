package org.beable.jupyter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.beable.output.PlotData;
import org.beable.output.PlotFile;
import org.beable.output.Provenance;

/**
 * A plot as a notebook shows it: the SVG and the PNG that `plot … to FILE` would write (the
 * same renderer, {@link PlotFile}), read back from a scratch folder. The PNG is base64, as a
 * notebook stores binary images.
 */
final class PlotImages {
    record Images(String svg, String pngBase64) {}

    private PlotImages() {}

    static Images render(PlotData data, String title, Provenance provenance) throws IOException {
        Path folder = Files.createTempDirectory("beable-plot");
        Path svg = folder.resolve("plot.svg");
        Path png = folder.resolve("plot.png");
        try {
            PlotFile.write(data, title, svg, provenance);
            PlotFile.write(data, title, png, provenance);
            return new Images(Files.readString(svg, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
        } finally {
            Files.deleteIfExists(svg);
            Files.deleteIfExists(png);
            Files.deleteIfExists(folder);
        }
    }
}
