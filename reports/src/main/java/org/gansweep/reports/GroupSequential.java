package org.gansweep.reports;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One-sided group-sequential boundaries from the Lan-DeMets alpha-spending function of O'Brien-Fleming type, so that
 * a test looked at after every round of seeds keeps its overall one-sided error at {@code alpha}.
 *
 * <p>Spending (Lan and DeMets, "Discrete sequential boundaries for clinical trials", Biometrika 70, 1983, eq. for
 * the O'Brien-Fleming-like function, one-sided): {@code alpha(t) = 2 - 2 Phi(z_{1 - alpha/2} / sqrt(t))}, t in (0, 1]
 * the information fraction, {@code alpha(1) = alpha}. Almost nothing is spent at early looks, so an early stop needs
 * a large effect, and the last look's boundary is close to the fixed-sample one.
 *
 * <p>Boundaries: the standardised statistics Z_1, ..., Z_K of the looks have, under the null hypothesis, the
 * canonical joint distribution of Jennison and Turnbull (Group Sequential Methods, 2000, section 3.1): multivariate
 * normal with {@code cov(Z_i, Z_j) = sqrt(t_i / t_j)}, i <= j; equivalently {@code W(t) = Z sqrt(t)} is a Brownian
 * motion. Boundary c_k solves {@code P(Z_1 < c_1, ..., Z_{k-1} < c_{k-1}, Z_k >= c_k) = alpha(t_k) - alpha(t_{k-1})},
 * computed by carrying the sub-density of W over the region not yet stopped from look to look on a grid (the
 * recursive numerical integration of Armitage, McPherson and Rowe, JRSS A 132, 1969; Jennison and Turnbull, ch. 19),
 * and bisection. Commons Statistics has no sequential tests; its normal distribution does the rest.
 */
public final class GroupSequential {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    /** Grid points per unit of W, and how far below the boundary the grid reaches (in units of sqrt(t)). */
    private static final int POINTS_PER_UNIT = 100;
    private static final double REACH = 9;

    private GroupSequential() {}

    /** The spending function: the error spent by information fraction {@code t}. */
    public static double spent(double alpha, double t) {
        if (t <= 0) {
            return 0;
        }
        double z = STANDARD.inverseCumulativeProbability(1 - alpha / 2);
        return 2 - 2 * STANDARD.cumulativeProbability(z / Math.sqrt(Math.min(1, t)));
    }

    /**
     * Upper boundaries c_1..c_K on the Z scale for looks at information fractions {@code t} (increasing, the last
     * at most 1). A look whose increment of spent error is below 1e-15 gets an infinite boundary (no stop possible).
     */
    public static double[] boundaries(double alpha, double[] t) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        for (int k = 0; k < t.length; k++) {
            if (!(t[k] > 0 && t[k] <= 1 + 1e-12) || (k > 0 && !(t[k] > t[k - 1]))) {
                throw new IllegalArgumentException("information fractions must increase within (0, 1], got " + Arrays.toString(t));
            }
        }
        double[] c = new double[t.length];
        // The sub-density of W at the previous look over the region not stopped: grid points w, values f.
        double[] w = null;
        double[] f = null;
        double prevSpent = 0;
        double prevT = 0;
        for (int k = 0; k < t.length; k++) {
            double target = spent(alpha, t[k]) - prevSpent;
            if (k == 0) {
                c[0] = target < 1e-15 ? Double.POSITIVE_INFINITY : STANDARD.inverseCumulativeProbability(1 - target);
            } else {
                c[k] = target < 1e-15 ? Double.POSITIVE_INFINITY : solve(w, f, t[k] - prevT, t[k], target);
            }
            // Carry the density to this look and cut it at this look's boundary.
            double upper = Double.isInfinite(c[k]) ? REACH * Math.sqrt(t[k]) : c[k] * Math.sqrt(t[k]);
            double lower = -REACH * Math.sqrt(t[k]);
            int n = Math.max(50, (int) Math.ceil((upper - lower) * POINTS_PER_UNIT)) | 1; // odd: Simpson
            double[] nw = new double[n];
            double[] nf = new double[n];
            for (int i = 0; i < n; i++) {
                nw[i] = lower + (upper - lower) * i / (n - 1);
                nf[i] = k == 0 ? STANDARD.density(nw[i] / Math.sqrt(t[0])) / Math.sqrt(t[0]) : carried(w, f, t[k] - prevT, nw[i]);
            }
            w = nw;
            f = nf;
            prevSpent += Double.isInfinite(c[k]) ? 0 : target;
            prevT = t[k];
        }
        return c;
    }

    /** The density at {@code x} of W one increment of variance {@code dt} after the sub-density (w, f). */
    private static double carried(double[] w, double[] f, double dt, double x) {
        double sd = Math.sqrt(dt);
        double[] g = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            g[i] = f[i] * STANDARD.density((x - w[i]) / sd) / sd;
        }
        return simpson(w, g);
    }

    /** P(not stopped before, W_k >= b sqrt(t_k)) for the sub-density (w, f) of the previous look. */
    private static double exit(double[] w, double[] f, double dt, double tk, double b) {
        double sd = Math.sqrt(dt);
        double[] g = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            g[i] = f[i] * STANDARD.survivalProbability((b * Math.sqrt(tk) - w[i]) / sd);
        }
        return simpson(w, g);
    }

    private static double solve(double[] w, double[] f, double dt, double tk, double target) {
        double lo = -10;
        double hi = 40;
        if (exit(w, f, dt, tk, hi) > target) {
            return hi;
        }
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (exit(w, f, dt, tk, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double simpson(double[] x, double[] y) {
        int n = x.length;
        double h = (x[n - 1] - x[0]) / (n - 1);
        double s = y[0] + y[n - 1];
        for (int i = 1; i < n - 1; i++) {
            s += (i % 2 == 1 ? 4 : 2) * y[i];
        }
        return s * h / 3;
    }

    /**
     * The Mann-Whitney statistic of {@code a} against {@code b}, standardised with the tie-corrected variance and a
     * continuity correction of one half towards zero (so small, heavily tied samples err on the safe side): positive
     * when {@code a} tends to be larger. Zero when every value is tied.
     */
    public static double mannWhitneyZ(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        double u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        double[] all = new double[n + m];
        System.arraycopy(a, 0, all, 0, n);
        System.arraycopy(b, 0, all, n, m);
        Arrays.sort(all);
        double ties = 0;
        for (int i = 0; i < all.length;) {
            int j = i;
            while (j < all.length && all[j] == all[i]) {
                j++;
            }
            double tcount = j - i;
            ties += tcount * tcount * tcount - tcount;
            i = j;
        }
        int total = n + m;
        double var = n * (double) m / 12.0 * ((total + 1) - ties / ((double) total * (total - 1)));
        if (!(var > 0)) {
            return 0;
        }
        double centred = u - n * (double) m / 2;
        double corrected = Math.signum(centred) * Math.max(0, Math.abs(centred) - 0.5);
        return corrected / Math.sqrt(var);
    }

    /** P(X > Y) + P(X = Y) / 2 of {@code a} against {@code b}: Mann-Whitney's U over n m (rliable's probability of improvement). */
    public static double probabilityOfImprovement(double[] a, double[] b) {
        double u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        return u / ((double) a.length * b.length);
    }
}
