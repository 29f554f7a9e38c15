package org.gansweep.reports.figures;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.reports.TrialResult;
import org.jfree.data.xy.XYSeries;

/** A metrics.csv column averaged over a setting's seeds, step by step. */
final class SettingSeries {
    private SettingSeries() {}

    static XYSeries mean(String name, List<TrialResult> seeds, String column) {
        Map<Double, double[]> sums = new TreeMap<>(); // step -> {sum, count}
        for (TrialResult t : seeds) {
            for (double[] p : t.metrics().series(column)) {
                if (Double.isFinite(p[1])) {
                    double[] s = sums.computeIfAbsent(p[0], k -> new double[2]);
                    s[0] += p[1];
                    s[1]++;
                }
            }
        }
        XYSeries series = new XYSeries(name, false, false);
        sums.forEach((step, s) -> series.add(step.doubleValue(), s[0] / s[1]));
        return series;
    }
}
