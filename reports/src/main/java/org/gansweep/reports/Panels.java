package org.gansweep.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Lays JFreeChart charts out in a grid and builds the line charts the figures share. */
public final class Panels {
    private Panels() {}

    public static Drawing grid(String title, String caption, List<JFreeChart> charts, int columns, int cellWidth, int cellHeight) {
        int rows = (charts.size() + columns - 1) / columns;
        int width = columns * cellWidth;
        int height = rows * cellHeight;
        return new Drawing(title, caption, width, height, g -> {
            prepare(g, width, height);
            for (int i = 0; i < charts.size(); i++) {
                int r = i / columns;
                int c = i % columns;
                charts.get(i).draw(g, new Rectangle2D.Double(c * cellWidth, r * cellHeight, cellWidth, cellHeight));
            }
        });
    }

    public static void prepare(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** Draws {@code image} scaled to fit a square cell of side {@code cell} less {@code margin}, centred in the cell at (x, y). */
    public static void fitted(Graphics2D g, BufferedImage image, int x, int y, int cell, double margin) {
        double scale = Math.min((cell - margin) / image.getWidth(), (cell - margin) / image.getHeight());
        int w = (int) (image.getWidth() * scale);
        int h = (int) (image.getHeight() * scale);
        g.drawImage(image, x + (cell - w) / 2, y + (cell - h) / 2, w, h, null);
    }

    /** Draws {@code text} centred on {@code cx}, its baseline at {@code y}, in the current font. */
    public static void centred(Graphics2D g, String text, int cx, int y) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /** A line chart, one series per entry, coloured by the given palette indices; dashed where asked. */
    public static JFreeChart lines(String title, String xLabel, String yLabel, List<XYSeries> series, List<Integer> colours,
            List<Boolean> dashed, boolean shapes) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(Palette.TITLE);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        r.setDrawSeriesLineAsPath(true); // dashes run along the whole line, not per segment
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, Palette.series(colours.get(i)));
            r.setSeriesStroke(i, dashed.get(i)
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        return chart;
    }
}
