package org.gansweep.reports.figures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gansweep.core.config.Claim;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Legend;
import org.gansweep.reports.Panels;
import org.gansweep.reports.SequentialClaims;
import org.gansweep.reports.TrialResult;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;

/**
 * The looks of a sequential sweep: per claim, its statistic at each look against the stopping boundaries of every
 * planned look (above the upper one: supported; below the lower one: contradicted), and the seeds each setting got.
 */
public final class ClaimLooksFigure implements Figure {
    @Override
    public String summary() {
        return "sequential seeds: each claim's statistic at every look against the group-sequential boundaries, and the seeds per setting";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        SequentialClaims.Looks looks;
        try {
            looks = SequentialClaims.read(results.dir());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (looks == null || looks.looks().isEmpty()) {
            return Optional.empty();
        }
        List<Integer> plan = looks.plan().looks();
        double[] c = SequentialClaims.boundaries(looks);
        Csv csv = new Csv("kind", "claim", "setting", "look", "seeds", "statistic", "upper_boundary", "lower_boundary", "decision");
        List<JFreeChart> charts = new ArrayList<>();
        for (Claim claim : results.claims()) {
            XYSeries stat = new XYSeries("statistic (claim's direction)");
            XYSeries upper = new XYSeries("boundary: supported above");
            XYSeries lower = new XYSeries("boundary: contradicted below");
            for (int k = 0; k < plan.size(); k++) {
                if (Double.isFinite(c[k])) {
                    upper.add((double) plan.get(k), c[k]);
                    lower.add((double) plan.get(k), -c[k]);
                }
                csv.row("boundary", claim.claim(), null, k + 1, plan.get(k), null, c[k], -c[k], null);
            }
            for (SequentialClaims.Look l : looks.looks()) {
                for (SequentialClaims.ClaimLook cl : l.claims()) {
                    if (cl.claim().equals(claim.claim())) {
                        stat.add((double) l.seeds(), cl.z());
                        csv.row("look", claim.claim(), null, l.look(), l.seeds(), cl.z(), cl.boundary(), -cl.boundary(), cl.decision());
                    }
                }
            }
            SequentialClaims.ClaimLook decided = looks.decided(claim.claim());
            String title = shorten(claim.claim()) + ": " + (decided == null ? "undecided so far" : decided.decision());
            charts.add(Panels.lines(title, "seeds per group", "standardised statistic", List.of(stat, upper, lower), List.of(0, 3, 3),
                    List.of(false, true, true), true));
        }
        // Seeds per setting at each look: the rounds add seeds only where an undecided claim needs them.
        Legend legend = Legend.of(results);
        Map<String, XYSeries> perSetting = new TreeMap<>();
        for (Map.Entry<String, List<TrialResult>> e : results.bySetting().entrySet()) {
            XYSeries s = new XYSeries(legend.name(e.getKey()));
            for (SequentialClaims.Look l : looks.looks()) {
                long n = e.getValue().stream().filter(t -> t.trial().seed() <= l.seeds()).count();
                s.add(l.look(), n);
                csv.row("seeds", null, e.getKey(), l.look(), n, null, null, null, null);
            }
            perSetting.put(e.getKey(), s);
        }
        List<Integer> colours = perSetting.keySet().stream().map(legend::index).toList();
        charts.add(Panels.lines("seeds run per setting, by look", "look", "seeds", new ArrayList<>(perSetting.values()), colours,
                perSetting.keySet().stream().map(k -> false).toList(), true));
        String caption = "Sequential seeds (" + looks.plan().first() + " first, " + looks.plan().step() + " per round, at most "
                + looks.plan().max() + "): after each round every undecided claim is tested with the Mann-Whitney (or signed-rank)"
                + " statistic against Lan-DeMets O'Brien-Fleming boundaries, which keep each claim's overall one-sided error at "
                + looks.alpha() + " across all looks. A claim stops at the first look where its statistic leaves the band; the last"
                + " panel shows the seeds each setting was given. The looks are stored in looks.json and never recomputed.";
        return Optional.of(Panels.grid("Claims decided look by look", caption, charts, 2, 580, 400).withData(csv.toString()));
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
