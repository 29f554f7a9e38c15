package org.gansweep.reports.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Legend;
import org.gansweep.reports.MetricInfo;
import org.gansweep.reports.Panels;
import org.gansweep.reports.TrialResult;
import org.jfree.chart.JFreeChart;

/**
 * Each evaluation metric against step: per setting the mean over its seeds with the min-max band, titled in
 * words with the better direction, and the target where there is one (all modes; the real data's score).
 */
public final class MetricCurvesFigure implements Figure {
    @Override
    public String summary() {
        return "every evaluation metric against step, mean and min-max band over seeds per setting, with targets";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        List<String> columns = new ArrayList<>();
        for (TrialResult t : results.trials()) {
            for (String n : t.metrics().names()) {
                if (!MetricInfo.isLoss(n) && !columns.contains(n)) {
                    columns.add(n);
                }
            }
        }
        // A real-data reference is drawn as its score's target line, not as a flat curve of its own.
        List<String> metrics = columns.stream().filter(c -> !MetricInfo.isReferenceOf(c, columns)).toList();
        Legend legend = Legend.of(results);
        Csv csv = new Csv(Curves.CSV_HEADER);
        List<JFreeChart> charts = new ArrayList<>();
        for (String metric : metrics) {
            Map<String, List<Curves.Point>> curves = Curves.bySetting(results, metric);
            if (curves.isEmpty()) {
                continue;
            }
            Optional<MetricInfo.Target> target = MetricInfo.target(metric, results);
            charts.add(Curves.panel(MetricInfo.title(metric, results), metric, legend, curves, target, true));
            Curves.csv(csv, metric, legend, curves, target);
        }
        if (charts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Panels.grid("Evaluation metrics through training",
                "Each metric at every evaluation step (training.evalEvery). The line is the mean over the seeds of each setting; "
                        + Curves.BAND + ". Dashed grey lines are targets: all modes of the"
                        + " mixture for modes covered, the real data's own score for an image score.",
                charts, Math.min(3, charts.size()), 460, 400).withData(csv.toString()));
    }
}
