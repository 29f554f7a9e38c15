package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.metrics.MetricNames;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Digits;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Palette;
import org.gansweep.reports.Panels;
import org.gansweep.reports.TrialResult;

/**
 * The paper's Table 1, gansweep's way: one row per setting with the image scores as mean ± std over the seeds
 * that completed, the held-out real images as the reference row, and the paper's CIFAR-10 Inception scores
 * beside them for reference (a different data set and classifier: compare orderings, not values).
 */
public final class ScoreTableFigure implements Figure {
    static final List<String> METRICS = List.of(MetricNames.CLASSIFIER_SCORE, MetricNames.FRECHET_DISTANCE);
    static final List<String> REAL = List.of(MetricNames.REAL_CLASSIFIER_SCORE, MetricNames.REAL_FRECHET_DISTANCE);

    @Override
    public String summary() {
        return "the paper's Table 1: classifier score and Frechet distance per setting, mean ± std over seeds, with the real-data row";
    }

    static final String REAL_ROW = "real data (held-out test images)";
    static final List<String> PAPER = List.of("Paper, CIFAR-10 Inception score (Table 1): DCGAN 6.22, LSGAN 6.47.",
            "Different data and classifier: read the ordering, not the values.");
    static final int WIDTH = 1250;
    static final int ROW_HEIGHT = 30;
    static final int[] COLUMN_X = {20, 400, 500, 850};

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        if (METRICS.stream().noneMatch(results.metricNames()::contains)) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("setting", "seeds", "classifier score ↑ (higher is better)", "Frechet distance ↓ (lower is better)"));
        Csv csv = new Csv("setting", "completed", "seeds", "classifier_score_mean", "classifier_score_std", "frechet_distance_mean",
                "frechet_distance_std");
        double[] real = new double[2];
        boolean haveReal = false;
        for (Map.Entry<String, List<TrialResult>> e : results.bySetting().entrySet()) {
            haveReal |= addSetting(e.getKey(), e.getValue(), rows, csv, real);
        }
        if (haveReal) {
            rows.add(List.of(REAL_ROW, "-", Digits.sig3(real[0]), Digits.sig3(real[1]) + " (test half vs half)"));
            csv.row(REAL_ROW, null, null, real[0], null, real[1], null);
        }
        int height = 30 + rows.size() * ROW_HEIGHT + 30 + PAPER.size() * 20 + 20;
        return Optional.of(new Drawing("Image quality scores (the paper's Table 1)",
                "Mean ± sample std over the seeds that completed, at the last evaluation; the real-data row scores held-out test images"
                        + " with the same classifier. CSV and Markdown: tables/summary.*.", WIDTH, height, g -> paint(g, height, rows))
                .withData(csv.toString()));
    }

    /**
     * One setting's table row and CSV row; its real-data values (the same for every setting) go into {@code real}.
     *
     * @return whether the setting had real-data values
     */
    private static boolean addSetting(String setting, List<TrialResult> seeds, List<List<String>> rows, Csv csv, double[] real) {
        List<String> row = new ArrayList<>(List.of(setting));
        int completed = (int) seeds.stream().filter(t -> "completed".equals(t.status())).count();
        row.add(completed + " of " + seeds.size());
        List<Object> data = new ArrayList<>(List.of(setting, completed, seeds.size()));
        boolean haveReal = false;
        for (int m = 0; m < METRICS.size(); m++) {
            double[] ms = meanStd(values(seeds, METRICS.get(m)));
            row.add(Digits.meanStd(ms[0], ms[1]));
            data.add(ms[0]);
            data.add(ms[1]);
            double[] r = values(seeds, REAL.get(m));
            if (r.length > 0) {
                real[m] = r[0];
                haveReal = true;
            }
        }
        rows.add(row);
        csv.row(data);
        return haveReal;
    }

    private static void paint(Graphics2D g, int height, List<List<String>> rows) {
        Panels.prepare(g, WIDTH, height);
        for (int r = 0; r < rows.size(); r++) {
            int y = 30 + r * ROW_HEIGHT;
            if (r == 0) {
                g.setColor(new Color(0xf0f0f0));
                g.fillRect(10, y - 20, WIDTH - 20, ROW_HEIGHT);
            }
            g.setColor(Color.BLACK);
            g.setFont(r == 0 ? Palette.TITLE : Palette.LABEL);
            for (int c = 0; c < rows.get(r).size(); c++) {
                g.drawString(rows.get(r).get(c), COLUMN_X[c], y);
            }
            g.setColor(new Color(0xcccccc));
            g.drawLine(10, y + 10, WIDTH - 10, y + 10);
        }
        g.setColor(new Color(0x555555));
        g.setFont(Palette.LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < PAPER.size(); i++) {
            g.drawString(PAPER.get(i), 20, 30 + rows.size() * ROW_HEIGHT + 20 + i * (fm.getHeight() + 4));
        }
    }

    private static double[] values(List<TrialResult> seeds, String metric) {
        return seeds.stream().filter(t -> "completed".equals(t.status()) && t.summary().metrics() != null)
                .map(t -> t.summary().metrics().get(metric)).filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean and sample std of the values; NaN where there are too few for either. */
    static double[] meanStd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        if (v.length < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (v.length - 1))};
    }
}
