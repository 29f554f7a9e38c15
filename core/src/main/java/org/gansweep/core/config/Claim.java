package org.gansweep.core.config;

import java.util.List;
import java.util.Map;

/**
 * A claim of the paper that a grid's results can test (a grid's {@code claims:} list): the sentence, the
 * metric and which way is better, and the two groups of trials compared on one axis.
 *
 * <pre>
 * claims:
 *   - claim: "LSGAN covers more modes than the regular GAN"   # the paper's words
 *     metric: modes_covered
 *     better: higher            # or lower
 *     axis: loss.type           # the axis whose values name the groups
 *     compare: [lsgan-binary, gan]   # the group the claim favours, then the one it is compared with
 *     success: 8                # optional: a seed succeeds when its value is at least (higher) or at most
 *                               # (lower) this; the claim is then about success rates
 *     where: {ablation: BN_G}   # optional: only the trials with these values on other axes
 *     margin: 0.5               # optional, with sequential seeds: equivalent when the means differ by less
 *
 *   - claim: "The generated characters are readable"          # one group against a fixed level
 *     metric: conditional_accuracy
 *     better: higher
 *     axis: loss
 *     compare: [lsgan-binary]   # one group ...
 *     threshold: 0.2            # ... whose values the claim says lie above (higher) or below (lower) this
 * </pre>
 *
 * @param success null for a claim about the metric's values (Mann-Whitney U test, bootstrap interval of the
 *     difference of means); a threshold for a claim about success rates (Fisher's exact test, Wilson intervals)
 * @param threshold with one group in {@code compare}: the level its values are claimed to exceed (Wilcoxon
 *     signed-rank test of the values against it, bootstrap interval of the mean minus it); null otherwise
 * @param margin with sequential seeds and two groups' values: the difference of means, in the metric's units, within
 *     which the groups count as equivalent (two one-sided tests); null when the claim states none
 */
public record Claim(String claim, String metric, String better, String axis, List<String> compare, Double success,
        Map<String, String> where, Double threshold, Double margin) {
    public Claim {
        where = where == null ? Map.of() : Map.copyOf(where);
    }

    /** Without an equivalence margin. */
    public Claim(String claim, String metric, String better, String axis, List<String> compare, Double success,
            Map<String, String> where, Double threshold) {
        this(claim, metric, better, axis, compare, success, where, threshold, null);
    }

    /** Two groups, without {@code where}. */
    public Claim(String claim, String metric, String better, String axis, List<String> compare, Double success) {
        this(claim, metric, better, axis, compare, success, null, null, null);
    }

    /** Two groups. */
    public Claim(String claim, String metric, String better, String axis, List<String> compare, Double success,
            Map<String, String> where) {
        this(claim, metric, better, axis, compare, success, where, null, null);
    }

    /** One group against {@link #threshold}, not two groups. */
    public boolean againstThreshold() {
        return compare.size() == 1;
    }

    public boolean higherIsBetter() {
        return !"lower".equals(better);
    }

    public String group() {
        return compare.get(0);
    }

    /** The other group, or "threshold T" for a claim against a threshold. */
    public String against() {
        return againstThreshold() ? "threshold " + threshold : compare.get(1);
    }
}
