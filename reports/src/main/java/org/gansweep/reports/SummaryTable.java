package org.gansweep.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A results table: one row per setting, each of its metrics as mean and sample standard deviation over the
 * seeds that completed, with counts of completed, diverged and failed seeds. Diverged and failed trials are
 * counted, never averaged in. The report makes two: the quality metrics, each marked with its better direction,
 * and the losses apart, which have none (each objective has its own scale).
 */
public final class SummaryTable {
    private final List<String> metrics;
    private final List<Row> rows = new ArrayList<>();

    record Row(String setting, int seeds, int completed, int diverged, int failed, double[] mean, double[] std, int[] n) {}

    /** The quality metrics: every stored metric but the losses. */
    public static SummaryTable quality(ExperimentResults results) {
        return new SummaryTable(results, m -> !MetricInfo.isLoss(m));
    }

    /** D's and G's losses (the mean over the last 100 steps of each trial). */
    public static SummaryTable losses(ExperimentResults results) {
        return new SummaryTable(results, MetricInfo::isLoss);
    }

    SummaryTable(ExperimentResults results, Predicate<String> columns) {
        List<String> names = results.metricNames().stream().filter(columns).toList();
        this.metrics = names;
        for (Map.Entry<String, List<TrialResult>> e : results.bySetting().entrySet()) {
            int completed = 0;
            int diverged = 0;
            int failed = 0;
            double[] sum = new double[names.size()];
            double[] sq = new double[names.size()];
            int[] n = new int[names.size()];
            for (TrialResult t : e.getValue()) {
                switch (t.status()) {
                    case "completed" -> completed++;
                    case "diverged" -> diverged++;
                    case "failed" -> failed++;
                    default -> { }
                }
                if (!"completed".equals(t.status())) {
                    continue;
                }
                for (int i = 0; i < names.size(); i++) {
                    Double v = t.summary().metrics().get(names.get(i));
                    if (v != null && Double.isFinite(v)) {
                        sum[i] += v;
                        sq[i] += v * v;
                        n[i]++;
                    }
                }
            }
            double[] mean = new double[names.size()];
            double[] std = new double[names.size()];
            for (int i = 0; i < names.size(); i++) {
                mean[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i];
                std[i] = n[i] < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sq[i] - n[i] * mean[i] * mean[i]) / (n[i] - 1)));
            }
            rows.add(new Row(e.getKey(), e.getValue().size(), completed, diverged, failed, mean, std, n));
        }
    }

    public List<String> metrics() {
        return metrics;
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    /** Full precision, plain column names: the CSV is for reading back, the HTML and Markdown for people. */
    public String csv() {
        List<String> header = new ArrayList<>(List.of("setting", "seeds", "completed", "diverged", "failed"));
        for (String m : metrics) {
            header.add(m + "_mean");
            header.add(m + "_std");
        }
        Csv csv = new Csv(header);
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(Arrays.asList(r.setting(), r.seeds(), r.completed(), r.diverged(), r.failed()));
            for (int i = 0; i < metrics.size(); i++) {
                cells.add(r.mean()[i]);
                cells.add(r.std()[i]);
            }
            csv.row(cells);
        }
        return csv.toString();
    }

    /** Column names, each metric with its direction mark (↑ higher is better, ↓ lower is better). */
    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("setting", "seeds (completed / diverged / failed)"));
        metrics.forEach(m -> h.add(MetricInfo.header(m)));
        return h;
    }

    public List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add(r.setting());
            c.add(r.seeds() + " (" + r.completed() + " / " + r.diverged() + " / " + r.failed() + ")");
            for (int i = 0; i < metrics.size(); i++) {
                c.add(Digits.meanStd(r.mean()[i], r.std()[i]));
            }
            out.add(c);
        }
        return out;
    }

    /** A short number for prose (claims' success levels, seconds): integers as integers, else 4 significant digits. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
