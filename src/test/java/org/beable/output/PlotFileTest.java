package org.beable.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beable.golden.InProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures a paper can use: π ticks, text as text, layers in order, a legend only when it tells series apart, PDF. */
class PlotFileTest {
    /** E(0, θ) of the singlet, sampled (with standard errors) and exact, and a constant level. */
    private static final String SWEEP = String.join("\n",
            "use bell",
            "seed 3",
            "system alice : qubit",
            "system bob : qubit",
            "detector A on alice = spin(a)",
            "detector B on bob = spin(b)",
            "for k in 0 .. 8 {",
            "  let theta = k * pi / 16",
            "  experiment e {",
            "    prepare singlet",
            "    measure A, B",
            "    settings a in {0}, b in {theta}",
            "    trials 2000",
            "  }",
            "  row theta = theta, S = correlation(run e, A, B), S_exact = correlation(predict e, A, B), bound = 0.5",
            "}", "");

    @TempDir
    Path dir;

    private String run(String plots) throws Exception {
        Path script = dir.resolve("plot.beable");
        Files.writeString(script, SWEEP + plots);
        InProcess.Result result = InProcess.run(script.toString(), "--out", dir.toString());
        assertEquals(0, result.exit(), result.err());
        return result.err();
    }

    private static List<String> texts(String svg) {
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void anSvgKeepsItsTextAsTextWithPiTicksAndAYLabel() throws Exception {
        run("plot S, S_exact, bound vs theta to \"p.svg\" title \"cos\"\n");
        String svg = Files.readString(dir.resolve("p.svg"), StandardCharsets.UTF_8);
        List<String> texts = texts(svg);
        assertTrue(texts.containsAll(List.of("0", "π/8", "π/4", "3π/8", "π/2")), texts::toString);
        assertTrue(texts.containsAll(List.of("theta", "S", "cos")), "axis titles and title as text: " + texts);
        assertTrue(texts.containsAll(List.of("S_exact", "bound")), "a legend for three distinct series: " + texts);
        assertTrue(svg.length() < 40_000, "an SVG of text and lines is small, not glyph outlines: " + svg.length() + " chars");
    }

    @Test
    void oneSeriesHasNoLegendItsNameIsTheYLabel() throws Exception {
        run("plot S_exact vs theta to \"one.svg\"\n");
        List<String> texts = texts(Files.readString(dir.resolve("one.svg"), StandardCharsets.UTF_8));
        assertEquals(1, texts.stream().filter("S_exact"::equals).count(), "the name once, as the y label: " + texts);
    }

    @Test
    void exactCurvesLieBeneathPointsAndErrorBarsAboveThem() throws Exception {
        run("plot S, S_exact vs theta to \"layers.svg\"\n");   // the sampled series is named first
        String svg = Files.readString(dir.resolve("layers.svg"), StandardCharsets.UTF_8);
        int curve = svg.indexOf("<path d=\"M");                     // the exact curve, one path
        int firstMarker = svg.indexOf("<ellipse");
        int lastMarker = svg.lastIndexOf("<ellipse", svg.indexOf("<rect", firstMarker) < 0 ? svg.length() : svg.indexOf("<rect", firstMarker));
        assertTrue(curve > 0 && curve < firstMarker, "the curve is drawn before the markers");
        String after = svg.substring(lastMarker);
        assertTrue(after.contains("<line") || after.contains("<path"), "error bars (with caps) come after the markers");
    }

    @Test
    void aPdfIsAPdfThatRecordsHowItWasMade() throws Exception {
        run("plot S, S_exact vs theta to \"f.pdf\"\n");
        byte[] pdf = Files.readAllBytes(dir.resolve("f.pdf"));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), text.substring(0, 10));
        assertTrue(text.stripTrailing().endsWith("%%EOF"));
        assertTrue(text.contains("/Producer (beable " + Version.current() + ", seed 3"), "provenance in the Info dictionary");
        assertTrue(text.contains("/Info "), "the trailer points at it");
    }

    @Test
    void theYLabelIsWhatTheSeriesShare() {
        double[] x = {0, 1};
        double[] exact = {0, 0};
        PlotData.Series model = new PlotData.Series("P_model", x, new double[] {0.7, 0.8}, exact);
        PlotData.Series born = new PlotData.Series("P_born", x, new double[] {0.77, 0.77}, exact);
        PlotData.Series bound = new PlotData.Series("local_bound", x, new double[] {2, 2}, exact);
        PlotData.Series curve = new PlotData.Series("S_exact", x, new double[] {2.5, 2.6}, exact);
        PlotData.Series points = new PlotData.Series("S_sampled", x, new double[] {2.5, 2.6}, new double[] {0.1, 0.1});
        assertEquals("P", new PlotPainter(new PlotData("k", List.of(model, born)), "").yTitle());
        assertEquals("S", new PlotPainter(new PlotData("k", List.of(points, curve, bound)), "").yTitle());
        assertEquals("S_exact", new PlotPainter(new PlotData("k", List.of(curve, bound)), "").yTitle());
        assertEquals("P_model, S_exact", new PlotPainter(new PlotData("k", List.of(model, curve)), "").yTitle());
    }

    @Test
    void angleTicksAreFractionsOfPi() {
        assertEquals("3π/4", PlotAxis.piFraction(3, 4));
        assertEquals("−π/2", PlotAxis.piFraction(-2, 4));
        assertEquals("2π", PlotAxis.piFraction(4, 2));
        assertEquals("π", PlotAxis.piFraction(1, 1));
        assertEquals(List.of("0", "π/2", "π", "3π/2", "2π"),
                PlotAxis.angle(0, 2 * Math.PI).ticks().stream().map(PlotAxis.Tick::label).toList());
        assertTrue(PlotAxis.isAngle(new double[] {0, Math.PI / 32, Math.PI / 2}));
        assertFalse(PlotAxis.isAngle(new double[] {0.05, 0.1, 0.2, 0.4}), "γ values are not angles");
        assertFalse(PlotAxis.isAngle(new double[] {0, 1, 2}), "integers are not angles");
    }

    @Test
    void numberTicksAreRoundSteps() {
        assertEquals(List.of("0", "0.5", "1", "1.5", "2", "2.5", "3"),
                PlotAxis.numeric(0, 2.83).ticks().stream().map(PlotAxis.Tick::label).toList());
        assertEquals(List.of("−0.2", "0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"),
                PlotAxis.numeric(-0.1, 1.1).ticks().stream().map(PlotAxis.Tick::label).toList());
    }
}
