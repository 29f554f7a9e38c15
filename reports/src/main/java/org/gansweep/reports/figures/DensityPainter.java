package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.reports.Digits;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.Legend;
import org.gansweep.reports.Palette;
import org.gansweep.reports.Panels;

/**
 * Paints the density figure by hand rather than with JFreeChart: a chart's plot area takes whatever its axes and
 * title leave, which drew the ring as an ellipse; here every panel is a PANEL x PANEL square, so equal lengths
 * on x and y look equal. Rows are labelled with the setting's legend name beside its colour swatch.
 */
final class DensityPainter {
    static final int PANEL = 200;
    static final int GAP = 16;
    static final int TITLE = 20;
    static final int ROW_GAP = 12;
    static final int LABEL = 200;
    static final int TICKS = 30;
    static final int AXIS = 24;
    static final int BAR = 120;

    private DensityPainter() {}

    static Drawing drawing(String title, String caption, List<DensityFigure.Row> rows, Legend legend, double extent, double max) {
        int columns = rows.stream().mapToInt(r -> r.panels().size()).max().orElse(1);
        int width = LABEL + TICKS + columns * (PANEL + GAP) + BAR;
        int height = rows.size() * (TITLE + PANEL + ROW_GAP) + AXIS + 8;
        List<List<BufferedImage>> images = new ArrayList<>();
        for (DensityFigure.Row r : rows) {
            images.add(r.panels().stream().map(p -> image(p.density(), max)).toList());
        }
        double tick = tickStep(extent);
        return new Drawing(title, caption, width, height, g -> {
            Panels.prepare(g, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int r = 0; r < rows.size(); r++) {
                DensityFigure.Row row = rows.get(r);
                int y0 = r * (TITLE + PANEL + ROW_GAP) + TITLE;
                rowLabel(g, legend, row, y0);
                for (int c = 0; c < row.panels().size(); c++) {
                    // The real density always sits in the last column, even when a row saved fewer snapshots.
                    int col = c == row.panels().size() - 1 ? columns - 1 : c;
                    int x0 = LABEL + TICKS + col * (PANEL + GAP);
                    g.setColor(Color.BLACK);
                    g.setFont(Palette.LABEL);
                    FontMetrics fm = g.getFontMetrics();
                    String t = row.panels().get(c).title();
                    g.drawString(t, x0 + (PANEL - fm.stringWidth(t)) / 2, y0 - 6);
                    g.drawImage(images.get(r).get(c), x0, y0, PANEL, PANEL, null);
                    g.setColor(Color.GRAY);
                    g.drawRect(x0, y0, PANEL, PANEL);
                    ticks(g, x0, y0, extent, tick, col == 0, r == rows.size() - 1);
                }
            }
            colourBar(g, width - BAR + 24, TITLE, max);
        });
    }

    /** Square-root scale: faint modes stay visible beside a dense one. */
    static BufferedImage image(double[][] density, double max) {
        int n = density.length;
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double t = max > 0 ? Math.sqrt(density[r][c] / max) : 0;
                img.setRGB(c, n - 1 - r, Palette.viridis(t)); // image rows run downwards, y upwards
            }
        }
        return img;
    }

    /** The smallest of 0.25, 0.5, 1, 2, 5, 10, ... that puts at most 3 ticks on each side of zero. */
    static double tickStep(double extent) {
        double[] steps = {0.25, 0.5, 1, 2, 5};
        for (double scale = 1; ; scale *= 10) {
            for (double s : steps) {
                if (extent / (s * scale) <= 3) {
                    return s * scale;
                }
            }
        }
    }

    private static void ticks(Graphics2D g, int x0, int y0, double extent, double step, boolean yLabels, boolean xLabels) {
        ticks(g, x0, y0, PANEL, extent, step, yLabels, xLabels);
    }

    /** Ticks and their labels around a square panel of side {@code panel} pixels. */
    static void ticks(Graphics2D g, int x0, int y0, int panel, double extent, double step, boolean yLabels, boolean xLabels) {
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        long k = (long) Math.floor(extent / step);
        for (long i = -k; i <= k; i++) {
            double v = i * step; // multiples, not a running sum: 0.1 + 0.2 would label 0.30000000000000004
            int px = x0 + (int) Math.round((v + extent) / (2 * extent) * panel);
            int py = y0 + panel - (int) Math.round((v + extent) / (2 * extent) * panel);
            String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            g.setColor(Color.GRAY);
            g.drawLine(px, y0 + panel, px, y0 + panel + 3);
            g.drawLine(x0 - 3, py, x0, py);
            g.setColor(Color.DARK_GRAY);
            if (xLabels) {
                Panels.centred(g, s, px, y0 + panel + 4 + fm.getAscent());
            }
            if (yLabels) {
                g.drawString(s, x0 - 5 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
            }
        }
    }

    /** The setting's colour swatch and legend name, wrapped to the label column, and the seed under it. */
    private static void rowLabel(Graphics2D g, Legend legend, DensityFigure.Row row, int y0) {
        rowLabel(g, legend, row.setting(), row.seed(), y0);
    }

    static void rowLabel(Graphics2D g, Legend legend, String setting, long seed, int y0) {
        g.setFont(Palette.LABEL);
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : legend.name(setting).split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + word) > LABEL - 34) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        lines.add("seed " + seed);
        int lh = fm.getHeight();
        int top = y0 + PANEL / 2 - lines.size() * lh / 2;
        g.setColor(legend.colour(setting));
        g.fillRect(8, top + 2, 14, 14);
        for (int i = 0; i < lines.size(); i++) {
            g.setColor(i == lines.size() - 1 ? Color.DARK_GRAY : Color.BLACK);
            g.drawString(lines.get(i), 28, top + fm.getAscent() + i * lh);
        }
    }

    /** The shared scale: viridis from 0 to the densest cell, ticks at the square-root scale's quarters. */
    private static void colourBar(Graphics2D g, int x, int y, double max) {
        for (int i = 0; i < PANEL; i++) {
            g.setColor(new Color(Palette.viridis(1 - i / (double) (PANEL - 1))));
            g.fillRect(x, y + i, 16, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, 16, PANEL);
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        g.drawString("density", x - 4, y - 6);
        for (double t : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            int py = y + (int) Math.round((1 - t) * PANEL);
            g.drawLine(x + 16, py, x + 20, py);
            g.drawString(Digits.sig3(max * t * t), x + 23, py + fm.getAscent() / 2 - 1);
        }
    }
}
