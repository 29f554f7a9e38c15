package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.math.Kde2d;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Palette;
import org.gansweep.reports.Panels;
import org.gansweep.reports.TrialResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * The paper's Gaussian-mixture figure: kernel density of G's samples through training, one row per
 * setting (its lowest seed), one column per saved step, and the real density in the last column.
 */
public final class DensityFigure implements Figure {
    static final int CELLS = 120;
    static final int MAX_COLUMNS = 6;

    @Override
    public String summary() {
        return "kernel density of G's samples through training (rows = setting, columns = step, last = real), 2-D mixtures";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        List<List<JFreeChart>> rows = new ArrayList<>();
        GaussianMixture mixture = null;
        double extent = 0;
        double bandwidth = 0;
        for (List<TrialResult> seeds : results.bySetting().values()) {
            TrialResult t = seeds.stream().filter(r -> r.dataset().capability(GaussianMixture.class).isPresent() && !r.samples("csv").isEmpty())
                    .min((a, b) -> Long.compare(a.trial().seed(), b.trial().seed())).orElse(null);
            if (t == null) {
                continue;
            }
            if (mixture == null) {
                mixture = t.dataset().capability(GaussianMixture.class).get();
                extent = extent(mixture);
                bandwidth = Math.max(mixture.std(), 2 * extent / 100);
            }
            List<JFreeChart> row = new ArrayList<>();
            for (Map.Entry<Integer, Path> e : pick(t.samples("csv"))) {
                float[] xy = readPoints(e.getValue());
                double[][] density = Kde2d.density(xy, -extent, extent, CELLS, bandwidth);
                row.add(cell(label(t) + ", step " + e.getKey() + " (seed " + t.trial().seed() + ")", density, extent));
            }
            row.add(cell("real data", realDensity(mixture, extent, bandwidth), extent));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        List<JFreeChart> charts = new ArrayList<>();
        for (List<JFreeChart> row : rows) {
            for (int c = 0; c < columns; c++) {
                charts.add(c < row.size() - 1 ? row.get(c) : c == columns - 1 ? row.get(row.size() - 1) : blank());
            }
        }
        return Optional.of(Panels.grid("Density of generated samples through training",
                String.format(java.util.Locale.ROOT, "Gaussian kernel density (bandwidth %.3f) of the samples G draws from a fixed set of noise vectors, on"
                        + " [-%.2f, %.2f]^2; brighter is denser (square-root colour scale, per panel). Each row is one setting at its lowest seed;"
                        + " the last column is the true mixture smoothed by the same kernel. Mode collapse shows as a row whose later"
                        + " panels light up fewer modes than the real one.", bandwidth, extent, extent),
                charts, columns, 230, 250));
    }

    static double extent(GaussianMixture m) {
        double r = 0;
        for (double[] c : m.centers()) {
            r = Math.max(r, Math.max(Math.abs(c[0]), Math.abs(c[1])));
        }
        return r + Math.max(0.6, 10 * m.std());
    }

    /** At most MAX_COLUMNS - 1 snapshots, evenly spread, always the first and the last. */
    static List<Map.Entry<Integer, Path>> pick(Map<Integer, Path> samples) {
        List<Map.Entry<Integer, Path>> all = new ArrayList<>(samples.entrySet());
        int keep = MAX_COLUMNS - 1;
        if (all.size() <= keep) {
            return all;
        }
        List<Map.Entry<Integer, Path>> out = new ArrayList<>();
        for (int i = 0; i < keep; i++) {
            out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (keep - 1))));
        }
        return out;
    }

    static String label(TrialResult t) {
        return t.trial().setting().isEmpty() ? "default" : String.join(", ", t.trial().setting().values());
    }

    static float[] readPoints(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            float[] xy = new float[2 * Math.max(0, lines.size() - 1)];
            int n = 0;
            for (int i = 1; i < lines.size(); i++) {
                String[] p = lines.get(i).split(",");
                if (p.length == 2) {
                    xy[n++] = Float.parseFloat(p[0]);
                    xy[n++] = Float.parseFloat(p[1]);
                }
            }
            return java.util.Arrays.copyOf(xy, n);
        } catch (IOException | NumberFormatException e) {
            return new float[0];
        }
    }

    /** The mixture's density convolved with the KDE kernel: Gaussians of std sqrt(std^2 + h^2). */
    static double[][] realDensity(GaussianMixture m, double extent, double h) {
        double s2 = m.std() * m.std() + h * h;
        double step = 2 * extent / CELLS;
        double[][] d = new double[CELLS][CELLS];
        for (int r = 0; r < CELLS; r++) {
            double y = -extent + (r + 0.5) * step;
            for (int c = 0; c < CELLS; c++) {
                double x = -extent + (c + 0.5) * step;
                double sum = 0;
                for (double[] mu : m.centers()) {
                    double dx = x - mu[0];
                    double dy = y - mu[1];
                    sum += Math.exp(-(dx * dx + dy * dy) / (2 * s2));
                }
                d[r][c] = sum / (m.modes() * 2 * Math.PI * s2);
            }
        }
        return d;
    }

    static JFreeChart cell(String title, double[][] density, double extent) {
        int n = density.length;
        double max = 0;
        for (double[] row : density) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double t = max > 0 ? Math.sqrt(density[r][c] / max) : 0;
                img.setRGB(c, n - 1 - r, Palette.viridis(t)); // image rows run downwards, y upwards
            }
        }
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setRange(-extent, extent);
            a.setTickLabelFont(Palette.SMALL);
        }
        XYPlot plot = new XYPlot(null, x, y, new XYLineAndShapeRenderer());
        plot.addAnnotation(new XYDataImageAnnotation(img, -extent, -extent, 2 * extent, 2 * extent, true));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, Palette.SMALL, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static JFreeChart blank() {
        XYPlot plot = new XYPlot(null, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer());
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart("", Palette.SMALL, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
