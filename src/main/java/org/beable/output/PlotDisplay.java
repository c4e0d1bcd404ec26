package org.beable.output;

/**
 * An output that draws plots itself (a notebook shows them inline): `plot` hands it every plot,
 * instead of the text plot when no file is named, and besides the file when one is.
 */
public interface PlotDisplay {
    void show(PlotData data, String title, Provenance provenance);
}
