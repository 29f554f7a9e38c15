package org.gansweep.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.function.BiFunction;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.store.CsvRows;

/**
 * What the paper's Figure 1 draws, taken from the trained networks of a 2-D mixture experiment at an evaluation:
 * D's decision value over a square grid of the plane, and for G's samples their position, D's value there, and the
 * gradient of G's loss with respect to that position (the push G's update gives the sample, reversed). Under the
 * sigmoid cross-entropy loss a sample far on the real side of the boundary gets almost none; under least squares
 * it is pulled back towards the boundary (Mao et al. 2017, Figure 1 (b), (c)).
 *
 * <p>The gradient is G's per-sample loss {@code f(D(x))} differentiated by central differences in x, with
 * {@code f} the loss plug-in's own generator loss on one score: no gradient collector is opened, so no parameter
 * gradient of D or G is touched and training goes on with exactly the numbers it had. D is run in evaluation
 * mode. The step is {@link #H} times the extent of the plane: D is smooth, so the difference error is far below what
 * a figure shows, and exact for a linear D with a quadratic loss.
 *
 * @param extent the grid covers [-extent, extent]^2
 * @param field D's value at the centre of each cell, {@code cells} rows from the bottom, {@code cells} per row
 * @param fakes one row per sample: x, y, D(x, y), d loss/dx, d loss/dy
 */
public record DecisionField(double extent, int cells, float[] field, float[][] fakes) {
    /** Grid cells per side. */
    public static final int CELLS = 48;
    /** At most this many of G's samples get their gradient (the figure draws one arrow each). */
    public static final int FAKES = 200;
    /** The difference step, as a share of the extent. */
    static final double H = 1e-3;

    /** The square the figures draw a mixture on: its modes and ten standard deviations (at least 0.6) beyond. */
    public static double extent(GaussianMixture m) {
        double r = 0;
        for (double[] c : m.centers()) {
            r = Math.max(r, Math.max(Math.abs(c[0]), Math.abs(c[1])));
        }
        return r + Math.max(0.6, 10 * m.std());
    }

    /**
     * Reads D over the plane and G's loss gradient at each of {@code samples} (N, 2), in a sub-manager of {@code root}.
     *
     * @param d D's decision values of a batch of points (N, 2), as one flat array ({@link GanStep#discriminate})
     */
    public static DecisionField of(BiFunction<NDManager, NDArray, NDArray> d, AdversarialLoss loss, NDManager root, NDArray samples,
            double extent) {
        try (NDManager m = root.newSubManager()) {
            float[] grid = new float[CELLS * CELLS * 2];
            double step = 2 * extent / CELLS;
            for (int r = 0; r < CELLS; r++) {
                for (int c = 0; c < CELLS; c++) {
                    grid[2 * (r * CELLS + c)] = (float) (-extent + (c + 0.5) * step);
                    grid[2 * (r * CELLS + c) + 1] = (float) (-extent + (r + 0.5) * step);
                }
            }
            float[] field = d.apply(m, m.create(grid, new Shape(CELLS * CELLS, 2))).toFloatArray();
            float[] xy = samples.toFloatArray();
            int n = Math.min(FAKES, xy.length / 2);
            float h = (float) (H * extent);
            // Each sample and its four neighbours at +-h along x and y, scored by D in one pass.
            float[] probe = new float[n * 5 * 2];
            float[][] offsets = {{0, 0}, {h, 0}, {-h, 0}, {0, h}, {0, -h}};
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 5; k++) {
                    probe[2 * (5 * i + k)] = xy[2 * i] + offsets[k][0];
                    probe[2 * (5 * i + k) + 1] = xy[2 * i + 1] + offsets[k][1];
                }
            }
            float[] scores = d.apply(m, m.create(probe, new Shape(n * 5L, 2))).toFloatArray();
            float[][] fakes = new float[n][];
            for (int i = 0; i < n; i++) {
                // The offsets are rounded to float with the sample: divide by the distance actually taken.
                double dx = (double) probe[2 * (5 * i + 1)] - probe[2 * (5 * i + 2)];
                double dy = (double) probe[2 * (5 * i + 3) + 1] - probe[2 * (5 * i + 4) + 1];
                double gx = (generatorLoss(loss, m, scores[5 * i + 1]) - generatorLoss(loss, m, scores[5 * i + 2])) / dx;
                double gy = (generatorLoss(loss, m, scores[5 * i + 3]) - generatorLoss(loss, m, scores[5 * i + 4])) / dy;
                fakes[i] = new float[] {xy[2 * i], xy[2 * i + 1], scores[5 * i], (float) gx, (float) gy};
            }
            return new DecisionField(extent, CELLS, field, fakes);
        }
    }

    /** G's loss for one sample that D scores {@code score}: the plug-in's own generator loss on a batch of one. */
    static double generatorLoss(AdversarialLoss loss, NDManager root, float score) {
        try (NDManager m = root.newSubManager()) {
            return loss.generatorLoss(m.create(new float[] {score}, new Shape(1, 1))).toType(DataType.FLOAT64, false).getDouble();
        }
    }

    /** The CSV written to {@code samples/decision_step_NNNNNN.csv}: the field's cells, then the samples. */
    public String csv() {
        StringBuilder sb = new StringBuilder(CsvRows.format("kind", "x", "y", "d", "grad_x", "grad_y"));
        double step = 2 * extent / cells;
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                sb.append(CsvRows.format("field", fmt((float) (-extent + (c + 0.5) * step)), fmt((float) (-extent + (r + 0.5) * step)),
                        fmt(field[r * cells + c]), "", ""));
            }
        }
        for (float[] f : fakes) {
            sb.append(CsvRows.format("fake", fmt(f[0]), fmt(f[1]), fmt(f[2]), fmt(f[3]), fmt(f[4])));
        }
        return sb.toString();
    }

    private static String fmt(float v) {
        return Float.isFinite(v) ? Float.toString(v) : String.valueOf(v).toLowerCase(Locale.ROOT);
    }
}
