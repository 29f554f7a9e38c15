package org.gansweep.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.core.train.LossNames;

/**
 * The results table: one row per setting, each metric as mean and sample standard deviation over the
 * seeds that completed, with counts of completed, diverged and failed seeds. Diverged and failed
 * trials are counted, never averaged in.
 */
public final class SummaryTable {
    private final List<String> metrics;
    private final List<Row> rows = new ArrayList<>();

    record Row(String setting, int seeds, int completed, int diverged, int failed, double[] mean, double[] std, int[] n) {}

    public SummaryTable(ExperimentResults results) {
        List<String> names = new ArrayList<>(results.metricNames());
        // The losses are least comparable across objectives: put them last.
        for (String loss : LossNames.BOTH) {
            if (names.remove(loss)) {
                names.add(loss);
            }
        }
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

    public String csv() {
        StringBuilder sb = new StringBuilder("setting,seeds,completed,diverged,failed");
        for (String m : metrics) {
            sb.append(',').append(m).append("_mean,").append(m).append("_std");
        }
        sb.append('\n');
        for (Row r : rows) {
            sb.append(Html.csvCell(r.setting())).append(',').append(r.seeds()).append(',').append(r.completed()).append(',')
                    .append(r.diverged()).append(',').append(r.failed());
            for (int i = 0; i < metrics.size(); i++) {
                sb.append(',').append(Double.isNaN(r.mean()[i]) ? "" : Double.toString(r.mean()[i]));
                sb.append(',').append(Double.isNaN(r.std()[i]) ? "" : Double.toString(r.std()[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("setting", "seeds (completed / diverged / failed)"));
        h.addAll(metrics);
        return h;
    }

    public List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add(r.setting());
            c.add(r.seeds() + " (" + r.completed() + " / " + r.diverged() + " / " + r.failed() + ")");
            for (int i = 0; i < metrics.size(); i++) {
                c.add(meanStd(r.mean()[i], r.std()[i]));
            }
            out.add(c);
        }
        return out;
    }

    static String meanStd(double mean, double std) {
        if (Double.isNaN(mean)) {
            return "-";
        }
        return Double.isNaN(std) ? fmt(mean) : fmt(mean) + " ± " + fmt(std);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
