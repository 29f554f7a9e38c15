package org.gansweep.reports;

import java.awt.Graphics2D;
import java.util.function.Consumer;

/**
 * A figure ready to paint onto any Graphics2D: a PNG image or Batik's SVG canvas.
 *
 * @param title heading in the report
 * @param caption what the figure shows and how it was made
 */
public record Drawing(String title, String caption, int width, int height, Consumer<Graphics2D> painter) {}
