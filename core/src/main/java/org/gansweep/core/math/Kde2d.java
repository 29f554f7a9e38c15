package org.gansweep.core.math;

/** Gaussian kernel density estimate of 2-D points on a regular grid. */
public final class Kde2d {
    private Kde2d() {}

    /**
     * Density at the centres of a {@code cells x cells} grid over [lo, hi]^2, row 0 at y = lo.
     *
     * @param xy interleaved x, y pairs
     * @param bandwidth the kernel's standard deviation
     */
    public static double[][] density(float[] xy, double lo, double hi, int cells, double bandwidth) {
        double[][] out = new double[cells][cells];
        int n = xy.length / 2;
        if (n == 0) {
            return out;
        }
        double step = (hi - lo) / cells;
        double norm = 1.0 / (2 * Math.PI * bandwidth * bandwidth * n);
        double inv2h2 = 1.0 / (2 * bandwidth * bandwidth);
        int reach = (int) Math.ceil(4 * bandwidth / step); // kernels are cut at 4 bandwidths
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            int cx = (int) Math.floor((x - lo) / step);
            int cy = (int) Math.floor((y - lo) / step);
            for (int r = Math.max(0, cy - reach); r <= Math.min(cells - 1, cy + reach); r++) {
                double gy = lo + (r + 0.5) * step - y;
                for (int c = Math.max(0, cx - reach); c <= Math.min(cells - 1, cx + reach); c++) {
                    double gx = lo + (c + 0.5) * step - x;
                    out[r][c] += norm * Math.exp(-(gx * gx + gy * gy) * inv2h2);
                }
            }
        }
        return out;
    }
}
