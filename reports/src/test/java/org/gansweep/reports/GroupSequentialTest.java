package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The boundaries against published values, and the sequential rank test's error shown by simulation: with two
 * identical distributions, seeds added in rounds and a look after each, the share of experiments that ever declare
 * a difference stays at or below alpha.
 */
class GroupSequentialTest {
    @Test
    void boundariesMatchPublishedLanDeMetsOBrienFlemingValues() {
        // gsDesign (sfLDOF, one-sided 0.025): 2 equal looks 2.963, 1.969; 4 equal looks 4.333, 2.963, 2.359, 2.014.
        double[] two = GroupSequential.boundaries(0.025, new double[] {0.5, 1});
        assertEquals(2.963, two[0], 0.005);
        assertEquals(1.969, two[1], 0.005);
        double[] four = GroupSequential.boundaries(0.025, new double[] {0.25, 0.5, 0.75, 1});
        double[] published = {4.333, 2.963, 2.359, 2.014};
        for (int k = 0; k < 4; k++) {
            assertEquals(published[k], four[k], 0.01, "look " + (k + 1));
        }
        // One look is the fixed-sample test; the spending reaches alpha at the end.
        assertEquals(1.6449, GroupSequential.boundaries(0.05, new double[] {1})[0], 1e-3);
        assertEquals(0.05, GroupSequential.spent(0.05, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GroupSequential.boundaries(0.05, new double[] {0.5, 0.5}));
    }

    @Test
    void theRankStatisticAndTheProbabilityOfImprovementByHand() {
        // a = {3, 4}, b = {1, 2}: U = 4 of 4 pairs; no ties: var = 2 * 2 / 12 * 5 = 5/3; (4 - 2 - 0.5) / sqrt(5/3).
        assertEquals(1.5 / Math.sqrt(5.0 / 3), GroupSequential.mannWhitneyZ(new double[] {3, 4}, new double[] {1, 2}), 1e-12);
        assertEquals(1.0, GroupSequential.probabilityOfImprovement(new double[] {3, 4}, new double[] {1, 2}));
        assertEquals(0.5, GroupSequential.probabilityOfImprovement(new double[] {8, 8}, new double[] {8, 8}));
        assertEquals(0.0, GroupSequential.mannWhitneyZ(new double[] {8, 8}, new double[] {8, 8}));
    }

    /** The simulated plan: looks at 5, 10, ..., 40 seeds per group. */
    private static final int FIRST = 5;
    private static final int STEP = 5;
    private static final int MAX = 40;

    /** The plan's boundaries at alpha 0.05 (balanced groups: a rank test's information n m / (n + m) grows with n). */
    private static double[] planBoundaries() {
        int looks = (MAX - FIRST) / STEP + 1;
        double[] t = new double[looks];
        for (int k = 0; k < looks; k++) {
            t[k] = (FIRST + k * STEP) / (double) MAX;
        }
        return GroupSequential.boundaries(0.05, t);
    }

    /** The share of simulated sequential experiments under the null hypothesis that ever cross the boundary. */
    private static double falseClaims(ToDoubleFunction<SplittableRandom> draw, int experiments, long seed) {
        return falseClaims(draw, experiments, seed, false);
    }

    /** With {@code naive}, each look is tested at the fixed-sample 5 % boundary: the error such a sweep really has. */
    private static double falseClaims(ToDoubleFunction<SplittableRandom> draw, int experiments, long seed, boolean naive) {
        int first = FIRST;
        int step = STEP;
        int max = MAX;
        int looks = (max - first) / step + 1;
        double[] c = planBoundaries();
        if (naive) {
            java.util.Arrays.fill(c, 1.6449);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int rejected = 0;
        for (int e = 0; e < experiments; e++) {
            double[] a = new double[max];
            double[] b = new double[max];
            for (int i = 0; i < max; i++) {
                a[i] = draw.applyAsDouble(r);
                b[i] = draw.applyAsDouble(r);
            }
            for (int k = 0; k < looks; k++) {
                int n = first + k * step;
                if (GroupSequential.mannWhitneyZ(java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n)) >= c[k]) {
                    rejected++;
                    break;
                }
            }
        }
        return rejected / (double) experiments;
    }

    @Test
    void identicalDistributionsAreDeclaredDifferentAtMostAlphaOfTheTime() {
        int experiments = 4000;
        // Monte Carlo error of a share near 0.05 over 4,000 experiments: sqrt(0.05 * 0.95 / 4000) = 0.0034.
        double margin = 3 * Math.sqrt(0.05 * 0.95 / experiments);
        double normal = falseClaims(r -> Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()), experiments, 1);
        // Modes covered, 0 to 8, most runs covering all 8: heavily tied small integers.
        double[] weights = {0.02, 0.02, 0.03, 0.03, 0.05, 0.05, 0.1, 0.15, 0.55};
        double modes = falseClaims(r -> {
            double u = r.nextDouble();
            int k = 0;
            while (k < 8 && u > weights[k]) {
                u -= weights[k];
                k++;
            }
            return k;
        }, experiments, 2);
        // Two values only, nine in ten tied: as tied as a claim gets.
        double coin = falseClaims(r -> r.nextDouble() < 0.9 ? 8 : 7, experiments, 3);
        // The check can fail: looking after every round at the fixed-sample boundary declares far more.
        double naive = falseClaims(r -> Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()), experiments, 1, true);
        assertTrue(naive > 0.05 + margin, "naive looks: " + naive);
        assertTrue(normal <= 0.05 + margin, "normal: " + normal);
        assertTrue(modes <= 0.05 + margin, "modes covered: " + modes);
        assertTrue(coin <= 0.05 + margin, "two tied values: " + coin);
        System.out.printf("false claims over %d sequential experiments (looks at 5, 10, ..., 40 seeds, alpha 0.05): normal %.4f, modes %.4f,"
                + " two values %.4f; naive looks at 1.645: %.4f%n", experiments, normal, modes, coin, naive);
    }

    /** Power and mean seeds per group of the sequential design, and the power of a fixed design of 40 seeds. */
    private static double[] underShift(double shift, int experiments, long seed) {
        int first = FIRST;
        int step = STEP;
        int max = MAX;
        int looks = (max - first) / step + 1;
        double[] c = planBoundaries();
        SplittableRandom r = new SplittableRandom(seed);
        int sequential = 0;
        int fixed = 0;
        long seedsUsed = 0;
        for (int e = 0; e < experiments; e++) {
            double[] a = new double[max];
            double[] b = new double[max];
            for (int i = 0; i < max; i++) {
                a[i] = normal(r) + shift;
                b[i] = normal(r);
            }
            int used = max;
            for (int k = 0; k < looks; k++) {
                int n = first + k * step;
                if (GroupSequential.mannWhitneyZ(java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n)) >= c[k]) {
                    sequential++;
                    used = n;
                    break;
                }
            }
            seedsUsed += used;
            if (GroupSequential.mannWhitneyZ(a, b) >= 1.6449) {
                fixed++;
            }
        }
        return new double[] {sequential / (double) experiments, seedsUsed / (double) experiments, fixed / (double) experiments};
    }

    private static double normal(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void aRealDifferenceIsFoundAboutAsOftenAsByAFixedDesignWithFewerSeeds() {
        for (double shift : new double[] {0.5, 1.0}) {
            double[] p = underShift(shift, 2000, 11);
            System.out.printf("shift %.1f sd: sequential power %.3f with %.1f seeds per group on average; fixed 40 seeds: power %.3f%n",
                    shift, p[0], p[1], p[2]);
            assertTrue(p[0] >= p[2] - 0.06, "the sequential design lost power: " + p[0] + " against " + p[2]);
            assertTrue(p[1] < 40, "no seeds saved: " + p[1]);
        }
        // A large difference (1 sd) stops early: O'Brien-Fleming spends little at first, so about half the budget.
        assertTrue(underShift(1.0, 2000, 12)[1] < 24);
    }
}
