package org.gansweep.reports;

import java.awt.Graphics2D;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A figure ready to paint onto any Graphics2D: a PNG image or Batik's SVG canvas.
 *
 * @param title heading in the report
 * @param caption what the figure shows and how it was made
 * @param data the CSV of exactly what is drawn (the values, or for image grids the files shown), written beside the
 *     PNG so that every figure can be traced back to numbers and trial files
 * @param pages further drawings of the same figure by name (e.g. {@code seed-2}), written as NAME-PAGE.png and linked
 *     under the figure: one seed per drawing keeps each readable when there are many
 */
public record Drawing(String title, String caption, int width, int height, Consumer<Graphics2D> painter, String data,
        Map<String, Drawing> pages) {

    /** A drawing whose data and pages are added after ({@link #withData}, {@link #withPages}). */
    public Drawing(String title, String caption, int width, int height, Consumer<Graphics2D> painter) {
        this(title, caption, width, height, painter, "", Map.of());
    }

    public Drawing withData(String csv) {
        return new Drawing(title, caption, width, height, painter, csv, pages);
    }

    public Drawing withPages(Map<String, Drawing> more) {
        return new Drawing(title, caption, width, height, painter, data, more);
    }
}
