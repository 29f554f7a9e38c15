package org.gansweep.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gansweep.core.train.LossNames;
import org.gansweep.reports.Csv;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Legend;
import org.gansweep.reports.MetricInfo;
import org.gansweep.reports.Palette;
import org.gansweep.reports.TrialResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A metrics.csv column through training, per setting: the mean over its seeds as a line and the band from the
 * lowest to the highest seed around it (min-max rather than ±1 std: with the usual 3 to 5 seeds a std band
 * would be drawn from too few values to mean much, and min-max shows every seed), with the metric's target as a
 * dashed grey line. The same numbers go to the figure's CSV.
 */
final class Curves {
    static final String BAND = "the shaded band runs from the lowest to the highest seed at each step (min-max over seeds; with one seed it is"
            + " the line itself)";
    static final List<String> CSV_HEADER = List.of("metric", "setting", "legend", "step", "seeds", "mean", "min", "max");

    private Curves() {}

    /** One logged step of one setting: how many seeds have a finite value there, their mean, lowest and highest. */
    record Point(double step, int n, double mean, double min, double max) {}

    static List<Point> points(List<TrialResult> seeds, String column) {
        Map<Double, List<Double>> byStep = new TreeMap<>();
        for (TrialResult t : seeds) {
            for (double[] p : t.metrics().series(column)) {
                if (Double.isFinite(p[1])) {
                    byStep.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]);
                }
            }
        }
        List<Point> out = new ArrayList<>();
        byStep.forEach((step, v) -> out.add(new Point(step, v.size(), v.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                v.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), v.stream().mapToDouble(Double::doubleValue).max().orElseThrow())));
        return out;
    }

    /** Each setting's points for this column, in grid order; settings that never logged it are left out. */
    static Map<String, List<Point>> bySetting(ExperimentResults results, String column) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        results.bySetting().forEach((setting, seeds) -> {
            List<Point> p = points(seeds, column);
            if (!p.isEmpty()) {
                out.put(setting, p);
            }
        });
        return out;
    }

    /** A panel: per setting its mean line in the setting's colour over its band; the target dashed, in the range. */
    static JFreeChart panel(String title, String column, Legend legend, Map<String, List<Point>> curves, Optional<MetricInfo.Target> target,
            boolean shapes) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, shapes);
        int i = 0;
        for (Map.Entry<String, List<Point>> e : curves.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(legend.name(e.getKey()), false, false);
            e.getValue().forEach(p -> s.add(p.step(), p.mean(), p.min(), p.max()));
            data.addSeries(s);
            Color c = legend.colour(e.getKey());
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
            i++;
        }
        r.setAlpha(0.18f);
        JFreeChart chart = ChartFactory.createXYLineChart(title, LossNames.STEP, column, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(Palette.TITLE);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRenderer(r);
        if (target.isPresent()) {
            double v = target.get().value();
            ValueMarker m = new ValueMarker(v, new Color(0x555555),
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f));
            m.setLabel("target: " + target.get().label());
            m.setLabelFont(Palette.SMALL);
            m.setLabelPaint(new Color(0x555555));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
            // A marker does not widen the axis: include the target, else a far-off one would silently be off the chart.
            Range bounds = DatasetUtils.findRangeBounds(data, true);
            Range span = bounds == null ? new Range(v - 1, v + 1) : Range.expandToInclude(bounds, v);
            double pad = Math.max(span.getLength() * 0.08, 1e-9);
            plot.getRangeAxis().setRange(span.getLowerBound() - pad, span.getUpperBound() + pad);
        }
        return chart;
    }

    /** The panel's numbers: one row per setting and step, and the target as a row of its own (setting "target"). */
    static void csv(Csv csv, String column, Legend legend, Map<String, List<Point>> curves, Optional<MetricInfo.Target> target) {
        curves.forEach((setting, points) -> points.forEach(p ->
                csv.row(column, setting, legend.name(setting), (long) p.step(), p.n(), p.mean(), p.min(), p.max())));
        target.ifPresent(t -> csv.row(column, "target", t.label(), null, null, t.value(), null, null));
    }
}
