package org.gansweep.core.train;

/**
 * D's and G's losses of the last {@link #SIZE} steps (fewer for a shorter run), each at index {@code step % length}:
 * a trial's reported d_loss and g_loss are their means. A checkpoint keeps them, so a resumed run reports the same.
 */
final class LossWindows {
    static final int SIZE = 100;

    private final double[] d;
    private final double[] g;

    LossWindows(double[] d, double[] g) {
        this.d = d;
        this.g = g;
    }

    /** Empty windows for a run of {@code steps} steps. */
    static LossWindows forSteps(int steps) {
        int n = Math.min(SIZE, steps);
        return new LossWindows(new double[n], new double[n]);
    }

    void record(int step, float dLoss, float gLoss) {
        d[step % d.length] = dLoss;
        g[step % g.length] = gLoss;
    }

    /** The window of D's losses itself (a checkpoint writes it). */
    double[] d() {
        return d;
    }

    double[] g() {
        return g;
    }

    double dMean() {
        return mean(d);
    }

    double gMean() {
        return mean(g);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
