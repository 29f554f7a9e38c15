package org.gansweep.reports.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.train.LossNames;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Legend;
import org.gansweep.reports.MetricInfo;
import org.gansweep.reports.Panels;
import org.jfree.chart.JFreeChart;

/** D's and G's losses against step: per setting the mean over its seeds with the min-max band. */
public final class LossCurvesFigure implements Figure {
    @Override
    public String summary() {
        return "d_loss and g_loss against step, mean and min-max band over seeds per setting";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        Legend legend = Legend.of(results);
        Csv csv = new Csv(Curves.CSV_HEADER);
        List<JFreeChart> charts = new ArrayList<>();
        for (String loss : LossNames.BOTH) {
            Map<String, List<Curves.Point>> curves = Curves.bySetting(results, loss);
            if (curves.isEmpty()) {
                continue;
            }
            // A loss has no better direction: its level depends on the objective, so the title says so.
            charts.add(Curves.panel(MetricInfo.words(loss) + " (" + loss + "), no better direction", loss, legend, curves, Optional.empty(), false));
            Curves.csv(csv, loss, legend, curves, Optional.empty());
        }
        if (charts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Panels.grid("Training losses",
                "Losses as logged every training.logEvery steps; the line is the mean over the seeds of each setting, " + Curves.BAND
                        + ". Losses of different objectives are on different scales: compare shapes and stability, not levels.",
                charts, 2, 580, 420).withData(csv.toString()));
    }
}
