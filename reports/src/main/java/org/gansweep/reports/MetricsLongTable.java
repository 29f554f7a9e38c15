package org.gansweep.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code report/tables/metrics-long.csv}: every logged value of every trial in the tidy long form that pandas,
 * R's tidyverse, DuckDB, seaborn and ggplot take directly: one row per (trial, step, metric), the trial's setting
 * spread over one column per axis, then its seed. Values at full precision, as each trial's metrics.csv has them.
 */
final class MetricsLongTable {
    /** The fixed columns; an axis that bears one of these names gets an {@code axis_} prefix. */
    private static final List<String> FIXED = List.of("trial", "seed", "step", "metric", "value");

    private MetricsLongTable() {}

    static String csv(ExperimentResults results) {
        Set<String> axes = new LinkedHashSet<>();
        results.trials().forEach(t -> axes.addAll(t.trial().setting().keySet()));
        List<String> header = new ArrayList<>(List.of("trial"));
        axes.forEach(a -> header.add(FIXED.contains(a) ? "axis_" + a : a));
        header.addAll(FIXED.subList(1, FIXED.size()));
        Csv csv = new Csv(header);
        for (TrialResult t : results.trials()) {
            List<Object> prefix = new ArrayList<>(List.of(t.trial().id()));
            axes.forEach(a -> prefix.add(t.trial().setting().get(a)));
            prefix.add(t.trial().seed());
            for (String metric : t.metrics().names()) {
                for (double[] point : t.metrics().series(metric)) {
                    List<Object> row = new ArrayList<>(prefix);
                    row.add((long) point[0]);
                    row.add(metric);
                    row.add(point[1]);
                    csv.row(row);
                }
            }
        }
        return csv.toString();
    }
}
