package org.gansweep.reports.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.train.LossNames;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Panels;
import org.gansweep.reports.TrialResult;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;

/** Each evaluation metric against step, averaged over each setting's seeds. */
public final class MetricCurvesFigure implements Figure {
    @Override
    public String summary() {
        return "every evaluation metric against step, mean over seeds per setting";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        List<String> metrics = new ArrayList<>();
        for (TrialResult t : results.trials()) {
            for (String n : t.metrics().names()) {
                if (!n.equals(LossNames.D_LOSS) && !n.equals(LossNames.G_LOSS) && !metrics.contains(n)) {
                    metrics.add(n);
                }
            }
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (String metric : metrics) {
            List<XYSeries> series = new ArrayList<>();
            List<Integer> colours = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, List<TrialResult>> e : results.bySetting().entrySet()) {
                XYSeries s = SettingSeries.mean(e.getKey(), e.getValue(), metric);
                if (!s.isEmpty()) {
                    series.add(s);
                    colours.add(i);
                }
                i++;
            }
            if (!series.isEmpty()) {
                charts.add(Panels.lines(metric, LossNames.STEP, metric, series, colours,
                        new ArrayList<>(java.util.Collections.nCopies(series.size(), false)), true));
            }
        }
        if (charts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Panels.grid("Evaluation metrics through training",
                "Each metric at every evaluation step (training.evalEvery), averaged over the seeds of each setting.",
                charts, Math.min(3, charts.size()), 440, 340));
    }
}
