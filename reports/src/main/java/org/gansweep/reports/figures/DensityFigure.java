package org.gansweep.reports.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gansweep.core.math.Kde2d;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.store.CsvRows;
import org.gansweep.core.train.DecisionField;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Legend;
import org.gansweep.reports.TrialResult;

/**
 * The paper's Gaussian-mixture figure: kernel density of G's samples through training, one row per setting,
 * one column per saved step, and the real density in the last column. One drawing per seed (the lowest shown,
 * the others linked as pages), every panel square and on one colour scale across all panels and seeds, so a
 * brighter spot means more samples there wherever it is.
 */
public final class DensityFigure implements Figure {
    static final int CELLS = 120;
    static final int MAX_COLUMNS = 6;

    /** One panel: its title, the density on the grid, and where its points came from (for the CSV). */
    record Panel(String title, double[][] density, String source, Integer step, int points) {}

    /** One row: a setting at one seed, its panels left to right, the real density last. */
    record Row(String setting, long seed, List<Panel> panels) {}

    @Override
    public String summary() {
        return "kernel density of G's samples through training (rows = setting, columns = step, last = real), one page per seed, 2-D mixtures";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        Optional<MixtureTrials> found = MixtureTrials.of(results, t -> !t.samples("csv").isEmpty());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MixtureTrials trials = found.get();
        GaussianMixture mixture = trials.mixture();
        double extent = extent(mixture);
        double bandwidth = Math.max(mixture.std(), 2 * extent / 100);
        Panel real = new Panel("real data", realDensity(mixture, extent, bandwidth),
                String.format(Locale.ROOT, "true mixture: %d modes, std %s, smoothed by the same kernel", mixture.modes(), mixture.std()), null, 0);
        Map<Long, List<Row>> bySeed = new LinkedHashMap<>();
        trials.bySeed().forEach((seed, shown) -> bySeed.put(seed, shown.stream().map(t -> row(t, real, extent, bandwidth)).toList()));
        // One colour scale for every panel of every seed: the densest cell anywhere is the brightest colour.
        double max = maxOf(real.density());
        for (List<Row> rows : bySeed.values()) {
            for (Row r : rows) {
                for (Panel p : r.panels()) {
                    max = Math.max(max, maxOf(p.density()));
                }
            }
        }
        Legend legend = Legend.of(results);
        double brightest = max;
        Map<Long, Drawing> pages = new LinkedHashMap<>();
        bySeed.forEach((seed, rows) -> pages.put(seed, page(seed, rows, trials.seeds(), legend, extent, bandwidth, brightest)));
        return Optional.of(MixtureTrials.paged(pages));
    }

    private static Row row(TrialResult t, Panel real, double extent, double bandwidth) {
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : pick(t.samples("csv"))) {
            float[] xy = readPoints(e.getValue());
            panels.add(new Panel("step " + e.getKey(), Kde2d.density(xy, -extent, extent, CELLS, bandwidth), t.relative(e.getValue()),
                    e.getKey(), xy.length / 2));
        }
        panels.add(real);
        return new Row(t.settingName(), t.trial().seed(), panels);
    }

    private static Drawing page(long seed, List<Row> rows, TreeSet<Long> seeds, Legend legend, double extent, double bandwidth, double max) {
        Csv csv = new Csv("seed", "setting", "legend", "column", "step", "source", "points", "bandwidth", "extent", "cells", "panel_max",
                "colour_scale_max");
        for (Row r : rows) {
            for (int c = 0; c < r.panels().size(); c++) {
                Panel p = r.panels().get(c);
                boolean isReal = p.step() == null;
                csv.row(r.seed(), isReal ? "real data" : r.setting(), isReal ? "real data" : legend.name(r.setting()), c + 1, p.step(), p.source(),
                        isReal ? null : p.points(), bandwidth, extent, CELLS, maxOf(p.density()), max);
            }
        }
        String others = seeds.size() > 1 ? " Seed " + seed + " of " + seeds + "; the other seeds are linked below the figure." : "";
        String caption = String.format(Locale.ROOT, "Gaussian kernel density (bandwidth %.3f) of the samples G draws from a fixed set of noise vectors,"
                + " on the square [-%.2f, %.2f]^2; brighter is denser, on one square-root colour scale shared by every panel of every seed"
                + " (the bar on the right, in samples per unit area). Each row is one setting; the last column is the true mixture smoothed by"
                + " the same kernel. Mode collapse shows as a row whose later panels light up fewer modes than the real one.%s",
                bandwidth, extent, extent, others);
        String title = "Density of generated samples through training" + (seeds.size() > 1 ? ", seed " + seed : "");
        return DensityPainter.drawing(title, caption, rows, legend, extent, max).withData(csv.toString());
    }

    static double maxOf(double[][] density) {
        return Arrays.stream(density).flatMapToDouble(Arrays::stream).max().orElse(0);
    }

    /** The square the figures draw a mixture on: the one Figure 1's numbers were taken on. */
    static double extent(GaussianMixture m) {
        return DecisionField.extent(m);
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

    static float[] readPoints(Path csv) {
        try {
            List<String[]> rows = CsvRows.read(csv);
            float[] xy = new float[2 * Math.max(0, rows.size() - 1)];
            int n = 0;
            for (String[] p : rows.subList(Math.min(1, rows.size()), rows.size())) {
                if (p.length == 2) {
                    xy[n++] = Float.parseFloat(p[0]);
                    xy[n++] = Float.parseFloat(p[1]);
                }
            }
            return Arrays.copyOf(xy, n);
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
                for (int k = 0; k < m.modes(); k++) {
                    double dx = x - m.centers()[k][0];
                    double dy = y - m.centers()[k][1];
                    sum += m.weights()[k] * Math.exp(-(dx * dx + dy * dy) / (2 * s2));
                }
                d[r][c] = sum / (2 * Math.PI * s2);
            }
        }
        return d;
    }
}
