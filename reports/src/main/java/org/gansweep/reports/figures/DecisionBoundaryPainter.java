package org.gansweep.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.gansweep.reports.Digits;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.Legend;
import org.gansweep.reports.Palette;
import org.gansweep.reports.Panels;

/**
 * Paints the decision-boundary figure by hand, as the density figure is painted: square panels, rows labelled with
 * the setting's legend name and colour. The field is a diverging colour map centred on the boundary value.
 */
final class DecisionBoundaryPainter {
    /** Larger than the density figure's panels: arrows need room. Spacing and labels as the density figure's. */
    static final int PANEL = 260;
    private static final int GAP = DensityPainter.GAP;
    private static final int TITLE = DensityPainter.TITLE;
    private static final int ROW_GAP = DensityPainter.ROW_GAP;
    private static final int LABEL = DensityPainter.LABEL;
    private static final int TICKS = DensityPainter.TICKS;
    private static final int AXIS = DensityPainter.AXIS;
    /** The longest arrow, as a share of a panel's side. */
    static final double ARROW = 0.14;
    private static final Color REAL_SIDE = new Color(0xf4a261);
    private static final Color FAKE_SIDE = new Color(0x6fa8dc);

    private DecisionBoundaryPainter() {}

    static Drawing drawing(String title, String caption, List<DecisionBoundaryFigure.Row> rows, Legend legend, float[] real) {
        int columns = Math.max(1, rows.stream().mapToInt(r -> r.panels().size()).max().orElse(1));
        int width = LABEL + TICKS + columns * (PANEL + GAP);
        int height = rows.size() * (TITLE + PANEL + ROW_GAP) + AXIS + 8;
        List<List<BufferedImage>> images = new ArrayList<>();
        for (DecisionBoundaryFigure.Row r : rows) {
            images.add(r.panels().stream().map(DecisionBoundaryPainter::image).toList());
        }
        return new Drawing(title, caption, width, height, g -> {
            Panels.prepare(g, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int r = 0; r < rows.size(); r++) {
                DecisionBoundaryFigure.Row row = rows.get(r);
                int y0 = r * (TITLE + PANEL + ROW_GAP) + TITLE;
                DensityPainter.rowLabel(g, legend, row.setting(), row.seed(), y0);
                double maxPull = DecisionBoundaryFigure.maxPull(row);
                g.setFont(Palette.SMALL);
                g.setColor(Color.DARK_GRAY);
                g.drawString("longest arrow: pull " + Digits.sig3(maxPull), 28, y0 + PANEL / 2 + 48);
                for (int c = 0; c < row.panels().size(); c++) {
                    DecisionBoundaryFigure.Panel p = row.panels().get(c);
                    int x0 = LABEL + TICKS + c * (PANEL + GAP);
                    g.setColor(Color.BLACK);
                    g.setFont(Palette.LABEL);
                    FontMetrics fm = g.getFontMetrics();
                    String t = "step " + p.step();
                    g.drawString(t, x0 + (PANEL - fm.stringWidth(t)) / 2, y0 - 6);
                    g.drawImage(images.get(r).get(c), x0, y0, PANEL, PANEL, null);
                    panel(g, p, x0, y0, legend.colour(row.setting()), real, maxPull);
                    g.setColor(Color.GRAY);
                    g.drawRect(x0, y0, PANEL, PANEL);
                    DensityPainter.ticks(g, x0, y0, PANEL, p.extent(), DensityPainter.tickStep(p.extent()), c == 0, r == rows.size() - 1);
                }
            }
        });
    }

    /** D's field: white at the boundary, deeper towards this panel's largest distance from it on either side. */
    static BufferedImage image(DecisionBoundaryFigure.Panel p) {
        int n = p.cells();
        double level = Double.isNaN(p.boundary()) ? 0 : p.boundary();
        double scale = 0;
        for (float v : p.field()) {
            if (Float.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v - level));
            }
        }
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = p.field()[r * n + c] - level;
                double t = scale > 0 && Double.isFinite(v) ? Math.sqrt(Math.min(1, Math.abs(v) / scale)) : 0;
                img.setRGB(c, n - 1 - r, mix(Color.WHITE, v >= 0 ? REAL_SIDE : FAKE_SIDE, 0.85 * t).getRGB());
            }
        }
        return img;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())), (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    private static void panel(Graphics2D g, DecisionBoundaryFigure.Panel p, int x0, int y0, Color colour, float[] real, double maxPull) {
        double e = p.extent();
        DoubleUnaryOperator px = x -> x0 + (x + e) / (2 * e) * PANEL;
        DoubleUnaryOperator py = y -> y0 + PANEL - (y + e) / (2 * e) * PANEL;
        var clip = g.getClip();
        g.clipRect(x0, y0, PANEL, PANEL);
        g.setColor(new Color(0x80, 0x80, 0x80, 150));
        for (int i = 0; i < real.length; i += 2) {
            g.fillOval((int) Math.round(px.applyAsDouble(real[i])) - 1, (int) Math.round(py.applyAsDouble(real[i + 1])) - 1, 3, 3);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        for (double[] s : DecisionBoundaryFigure.boundary(p.field(), p.cells(), e, p.boundary())) {
            g.draw(new Line2D.Double(px.applyAsDouble(s[0]), py.applyAsDouble(s[1]), px.applyAsDouble(s[2]), py.applyAsDouble(s[3])));
        }
        g.setStroke(new BasicStroke(1f));
        for (float[] f : p.fakes()) {
            double sx = px.applyAsDouble(f[0]);
            double sy = py.applyAsDouble(f[1]);
            double pull = Math.hypot(f[3], f[4]);
            if (maxPull > 0 && pull > 0 && Double.isFinite(pull)) {
                double len = ARROW * PANEL * pull / maxPull;
                double ux = -f[3] / pull;
                double uy = f[4] / pull; // minus the gradient; screen y runs downwards
                double ex = sx + len * ux;
                double ey = sy + len * uy;
                g.setColor(colour.darker());
                g.draw(new Line2D.Double(sx, sy, ex, ey));
                if (len > 4) {
                    double h = Math.min(5, len / 2);
                    g.draw(new Line2D.Double(ex, ey, ex - h * (ux - 0.5 * uy), ey - h * (uy + 0.5 * ux)));
                    g.draw(new Line2D.Double(ex, ey, ex - h * (ux + 0.5 * uy), ey - h * (uy - 0.5 * ux)));
                }
            }
            g.setColor(colour);
            g.fillOval((int) Math.round(sx) - 2, (int) Math.round(sy) - 2, 5, 5);
        }
        g.setClip(clip);
    }
}
