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

/** D's and G's losses against step, averaged over each setting's seeds. */
public final class LossCurvesFigure implements Figure {
    @Override
    public String summary() {
        return "d_loss and g_loss against step, mean over seeds per setting";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        List<XYSeries> d = new ArrayList<>();
        List<XYSeries> g = new ArrayList<>();
        List<Integer> colours = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<TrialResult>> e : results.bySetting().entrySet()) {
            XYSeries ds = SettingSeries.mean(e.getKey(), e.getValue(), LossNames.D_LOSS);
            if (!ds.isEmpty()) {
                d.add(ds);
                g.add(SettingSeries.mean(e.getKey(), e.getValue(), LossNames.G_LOSS));
                colours.add(i);
            }
            i++;
        }
        if (d.isEmpty()) {
            return Optional.empty();
        }
        List<Boolean> solid = new ArrayList<>(java.util.Collections.nCopies(d.size(), false));
        List<JFreeChart> charts = List.of(
                Panels.lines("discriminator loss", LossNames.STEP, LossNames.D_LOSS, d, colours, solid, false),
                Panels.lines("generator loss", LossNames.STEP, LossNames.G_LOSS, g, colours, solid, false));
        return Optional.of(Panels.grid("Training losses",
                "Losses as logged every training.logEvery steps, averaged over the seeds of each setting. Losses of different"
                        + " objectives are on different scales: compare shapes and stability, not levels.",
                charts, 2, 560, 380));
    }
}
