package org.gansweep.reports.figures;

import java.awt.Color;
import java.awt.FontMetrics;
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
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            int completed = 0;
            for (TrialResult t : e.getValue()) {
                if ("completed".equals(t.status())) {
                    completed++;
                }
            }
            row.add(completed + " of " + e.getValue().size());
            List<Object> data = new ArrayList<>(List.of(e.getKey(), completed, e.getValue().size()));
            for (int m = 0; m < METRICS.size(); m++) {
                double[] v = values(e.getValue(), METRICS.get(m));
                double[] ms = meanStd(v);
                row.add(Digits.meanStd(ms[0], ms[1]));
                data.add(ms[0]);
                data.add(ms[1]);
                double[] r = values(e.getValue(), REAL.get(m));
                if (r.length > 0) {
                    real[m] = r[0];
                    haveReal = true;
                }
            }
            rows.add(row);
            csv.row(data);
        }
        if (haveReal) {
            rows.add(List.of("real data (held-out test images)", "-", Digits.sig3(real[0]), Digits.sig3(real[1]) + " (test half vs half)"));
            csv.row("real data (held-out test images)", null, null, real[0], null, real[1], null);
        }
        List<String> paper = List.of("Paper, CIFAR-10 Inception score (Table 1): DCGAN 6.22, LSGAN 6.47.",
                "Different data and classifier: read the ordering, not the values.");
        int width = 1250;
        int rowH = 30;
        int height = 30 + rows.size() * rowH + 30 + paper.size() * 20 + 20;
        int[] colX = {20, 400, 500, 850};
        return Optional.of(new Drawing("Image quality scores (the paper's Table 1)",
                "Mean ± sample std over the seeds that completed, at the last evaluation; the real-data row scores held-out test images"
                        + " with the same classifier. CSV and Markdown: tables/summary.*.", width, height, g -> {
                    Panels.prepare(g, width, height);
                    for (int r = 0; r < rows.size(); r++) {
                        int y = 30 + r * rowH;
                        if (r == 0) {
                            g.setColor(new Color(0xf0f0f0));
                            g.fillRect(10, y - 20, width - 20, rowH);
                        }
                        g.setColor(Color.BLACK);
                        g.setFont(r == 0 ? Palette.TITLE : Palette.LABEL);
                        for (int c = 0; c < rows.get(r).size(); c++) {
                            g.drawString(rows.get(r).get(c), colX[c], y);
                        }
                        g.setColor(new Color(0xcccccc));
                        g.drawLine(10, y + 10, width - 10, y + 10);
                    }
                    g.setColor(new Color(0x555555));
                    g.setFont(Palette.LABEL);
                    FontMetrics fm = g.getFontMetrics();
                    for (int i = 0; i < paper.size(); i++) {
                        g.drawString(paper.get(i), 20, 30 + rows.size() * rowH + 20 + i * (fm.getHeight() + 4));
                    }
                }).withData(csv.toString()));
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
