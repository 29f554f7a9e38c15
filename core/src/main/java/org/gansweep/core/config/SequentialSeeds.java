package org.gansweep.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeds in rounds ({@code seeds: {sequential: {first: 5, step: 5, max: 40}}}): every setting starts with seeds
 * 1..first; after each round the claims are tested with group-sequential boundaries, and the settings an undecided
 * claim still needs get {@code step} more seeds, up to {@code max}. Seeds are numbered 1..max as with
 * {@code seeds: max}, so trial ids do not depend on when a seed was run.
 */
public record SequentialSeeds(int first, int step, int max) {
    static final List<String> FIELDS = List.of("first", "step", "max");
    /** The smallest first round: a rank test of fewer seeds per group cannot reach any usual level. */
    public static final int SMALLEST_FIRST = 3;

    /** What is wrong with these numbers, or null. */
    static String problem(int first, int step, int max) {
        if (first < SMALLEST_FIRST || first > 1000) {
            return "`seeds.sequential.first` must be between " + SMALLEST_FIRST + " and 1000 (seeds per setting in the first round), got " + first;
        }
        if (step < 1 || step > 1000) {
            return "`seeds.sequential.step` must be between 1 and 1000 (seeds added per round), got " + step;
        }
        if (max < first || max > 1000) {
            return "`seeds.sequential.max` must be between `first` (" + first + ") and 1000 (the budget of seeds per setting), got " + max;
        }
        return null;
    }

    /** Seeds per setting at each look: first, first + step, ..., and max as the last. */
    public List<Integer> looks() {
        List<Integer> out = new ArrayList<>();
        for (int n = first; n < max; n += step) {
            out.add(n);
        }
        out.add(max);
        return out;
    }

    /** Each look's information fraction: its seeds over the budget (balanced groups: a rank test's information grows with n). */
    public double[] informationFractions() {
        List<Integer> looks = looks();
        double[] t = new double[looks.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = looks.get(k) / (double) max;
        }
        return t;
    }
}
