package org.gansweep.reports.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.store.CsvRows;
import org.gansweep.core.store.TrialRecorder;
import org.gansweep.reports.Csv;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Figure;
import org.gansweep.reports.Legend;
import org.gansweep.reports.TrialResult;

/**
 * The paper's Figure 1 drawn from the trained networks of a 2-D mixture experiment: for each setting (a row) at
 * chosen steps (columns), D's decision value over the plane with its decision boundary (where D's output is halfway
 * between its real and fake targets, {@code AdversarialLoss.decisionBoundary}), real samples, G's samples, and at
 * each sample the step G's loss asks of it (minus its gradient with respect to the sample's position). One page per
 * seed. The numbers come from {@code samples/decision_step_N.csv}, which training writes at each evaluation.
 */
public final class DecisionBoundaryFigure implements Figure {
    /** Steps drawn per row: early, middle and last of those recorded after step 0. */
    static final int COLUMNS = 3;
    /** Real samples drawn, from the mixture, by a fixed generator. */
    static final int REAL_POINTS = 400;

    /** One panel: D's field, the boundary value, and the samples with their gradients. */
    record Panel(int step, String source, int cells, double extent, float[] field, double boundary, List<float[]> fakes) {}

    /** One row: a setting at one seed. */
    record Row(String setting, long seed, List<Panel> panels) {}

    @Override
    public String summary() {
        return "the paper's Figure 1 from the trained nets: D's decision boundary, real and G's samples, and the pull of G's loss on each sample; one page per seed, 2-D mixtures";
    }

    @Override
    public Optional<Drawing> draw(ExperimentResults results) {
        Optional<MixtureTrials> found = MixtureTrials.of(results, t -> !decisionFiles(t).isEmpty());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MixtureTrials trials = found.get();
        float[] real = realPoints(trials.mixture());
        Legend legend = Legend.of(results);
        Map<Long, Drawing> pages = new LinkedHashMap<>();
        trials.bySeed().forEach((seed, shown) -> pages.put(seed,
                page(seed, trials.seeds(), shown.stream().map(DecisionBoundaryFigure::row).toList(), legend, real)));
        return Optional.of(MixtureTrials.paged(pages));
    }

    /** The trial's decision files by step. */
    static Map<Integer, Path> decisionFiles(TrialResult t) {
        Map<Integer, Path> out = new TreeMap<>();
        Path dir = t.dir().resolve("samples");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(TrialRecorder.DECISION_PREFIX) && n.endsWith(".csv")) {
                    try {
                        out.put(Integer.parseInt(n.substring(TrialRecorder.DECISION_PREFIX.length(), n.length() - 4)), f);
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Early, middle and last of the steps after 0 (step 0 alone when training recorded nothing else). */
    static List<Integer> pick(List<Integer> steps) {
        List<Integer> trained = steps.stream().filter(s -> s > 0).toList();
        if (trained.isEmpty()) {
            return steps;
        }
        if (trained.size() <= COLUMNS) {
            return trained;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            out.add(trained.get((int) Math.round(i * (trained.size() - 1) / (double) (COLUMNS - 1))));
        }
        return out;
    }

    private static Row row(TrialResult t) {
        Map<Integer, Path> files = decisionFiles(t);
        List<Panel> panels = new ArrayList<>();
        for (int step : pick(new ArrayList<>(files.keySet()))) {
            read(files.get(step), step, t.relative(files.get(step)), t.loss().decisionBoundary()).ifPresent(panels::add);
        }
        return new Row(t.settingName(), t.trial().seed(), panels);
    }

    /** A decision file read back; empty when it cannot be (the figure leaves the panel out). */
    static Optional<Panel> read(Path file, int step, String source, double boundary) {
        try {
            List<String[]> rows = CsvRows.read(file);
            List<float[]> field = new ArrayList<>();
            List<float[]> fakes = new ArrayList<>();
            for (String[] c : rows.subList(1, rows.size())) {
                String kind = c.length > 0 ? c[0] : ""; // an empty line is skipped
                if (kind.equals("field")) {
                    field.add(new float[] {Float.parseFloat(c[1]), Float.parseFloat(c[2]), Float.parseFloat(c[3])});
                } else if (kind.equals("fake")) {
                    fakes.add(new float[] {Float.parseFloat(c[1]), Float.parseFloat(c[2]), Float.parseFloat(c[3]), Float.parseFloat(c[4]),
                        Float.parseFloat(c[5])});
                }
            }
            int cells = (int) Math.round(Math.sqrt(field.size()));
            if (cells < 2 || cells * cells != field.size()) {
                return Optional.empty();
            }
            float[] d = new float[field.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = field.get(i)[2];
            }
            double step0 = field.get(1)[0] - field.get(0)[0];
            double extent = -(field.get(0)[0] - step0 / 2);
            return Optional.of(new Panel(step, source, cells, extent, d, boundary, fakes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Real samples of the mixture from a fixed generator: the same points on every panel and every report. */
    static float[] realPoints(GaussianMixture m) {
        SplittableRandom r = new SplittableRandom(2017);
        double total = 0;
        for (double w : m.weights()) {
            total += w;
        }
        float[] xy = new float[2 * REAL_POINTS];
        for (int i = 0; i < REAL_POINTS; i++) {
            double u = r.nextDouble() * total;
            int k = 0;
            while (k < m.modes() - 1 && u > m.weights()[k]) {
                u -= m.weights()[k];
                k++;
            }
            xy[2 * i] = (float) (m.centers()[k][0] + m.std() * gaussian(r));
            xy[2 * i + 1] = (float) (m.centers()[k][1] + m.std() * gaussian(r));
        }
        return xy;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * Where D's field crosses the boundary value: line segments through the grid's cells, each end found by linear
     * interpolation along a cell edge (marching squares). Each segment is x1, y1, x2, y2.
     */
    static List<double[]> boundary(float[] field, int cells, double extent, double level) {
        List<double[]> out = new ArrayList<>();
        if (Double.isNaN(level)) {
            return out;
        }
        double step = 2 * extent / cells;
        for (int r = 0; r + 1 < cells; r++) {
            for (int c = 0; c + 1 < cells; c++) {
                double x0 = -extent + (c + 0.5) * step;
                double y0 = -extent + (r + 0.5) * step;
                // Corners counter-clockwise from bottom-left, and the edges between them.
                double[][] p = {{x0, y0}, {x0 + step, y0}, {x0 + step, y0 + step}, {x0, y0 + step}};
                double[] v = {field[r * cells + c] - level, field[r * cells + c + 1] - level, field[(r + 1) * cells + c + 1] - level,
                    field[(r + 1) * cells + c] - level};
                List<double[]> cross = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    double a = v[e];
                    double b = v[(e + 1) % 4];
                    if ((a < 0) != (b < 0)) {
                        double t = a / (a - b);
                        double[] q = p[(e + 1) % 4];
                        cross.add(new double[] {p[e][0] + t * (q[0] - p[e][0]), p[e][1] + t * (q[1] - p[e][1])});
                    }
                }
                for (int i = 0; i + 1 < cross.size(); i += 2) {
                    out.add(new double[] {cross.get(i)[0], cross.get(i)[1], cross.get(i + 1)[0], cross.get(i + 1)[1]});
                }
            }
        }
        return out;
    }

    /** The largest pull (gradient norm) on a row: its longest arrow. */
    static double maxPull(Row row) {
        double max = 0;
        for (Panel p : row.panels()) {
            for (float[] f : p.fakes()) {
                double pull = Math.hypot(f[3], f[4]);
                if (Double.isFinite(pull)) {
                    max = Math.max(max, pull);
                }
            }
        }
        return max;
    }

    private static Drawing page(long seed, TreeSet<Long> seeds, List<Row> rows, Legend legend, float[] real) {
        Csv csv = new Csv("seed", "setting", "legend", "step", "kind", "x", "y", "d", "grad_x", "grad_y", "boundary", "source");
        for (Row r : rows) {
            for (Panel p : r.panels()) {
                double step = 2 * p.extent() / p.cells();
                for (int i = 0; i < p.field().length; i++) {
                    csv.row(r.seed(), r.setting(), legend.name(r.setting()), p.step(), "field", -p.extent() + (i % p.cells() + 0.5) * step,
                            -p.extent() + (i / p.cells() + 0.5) * step, (double) p.field()[i], null, null, p.boundary(), p.source());
                }
                for (float[] f : p.fakes()) {
                    csv.row(r.seed(), r.setting(), legend.name(r.setting()), p.step(), "fake", (double) f[0], (double) f[1], (double) f[2],
                            (double) f[3], (double) f[4], p.boundary(), p.source());
                }
            }
        }
        String others = seeds.size() > 1 ? " Seed " + seed + " of " + seeds + "; the other seeds are linked below the figure." : "";
        String caption = "The paper's Figure 1, from the networks trained here. Colour: D's output over the plane, orange on the real side"
                + " of its decision boundary and blue on the fake side (each panel on its own scale); black line: the boundary, where D's"
                + " output is halfway between its targets for real and for fake samples. Grey: real samples. Dots: G's samples (the"
                + " setting's colour); arrows: the step G's loss asks of each sample (minus the gradient of its loss with respect to the"
                + " sample's position), on one length scale per row: each loss has its own scale, so the row's longest arrow and the"
                + " pull it stands for are written under its name. What to look for: under the sigmoid cross-entropy loss,"
                + " samples on the real side of the boundary but far from the data get almost no arrow; under least squares they are"
                + " pulled towards the boundary and the data." + others;
        String title = "Decision boundaries and the pull on G's samples (Figure 1)" + (seeds.size() > 1 ? ", seed " + seed : "");
        return DecisionBoundaryPainter.drawing(title, caption, rows, legend, real).withData(csv.toString());
    }
}
