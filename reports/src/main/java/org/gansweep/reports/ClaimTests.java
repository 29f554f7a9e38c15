package org.gansweep.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.gansweep.core.config.Claim;

/**
 * Tests each of the grid's claims on the final metric of every seed, the way a reviewer would: the two
 * groups' values, the difference of their means with a seeded 95 % bootstrap interval (the report is
 * reproducible), a one-sided test in the claimed direction (Mann-Whitney U on the values, Fisher's exact test
 * on success counts, both from Apache Commons Statistics), and a verdict in words.
 *
 * <p>Verdicts at the 5 % level: {@code supported} when the one-sided test in the claim's direction rejects;
 * {@code contradicted} when the test in the opposite direction does; otherwise {@code too few seeds} when a
 * group has fewer than {@link #ENOUGH} seeds, saying about how many the observed effect would need, and
 * {@code not supported} when it has enough. A diverged seed has no final metric: it is left out of value claims
 * and counts as a failure in success claims. A failed seed (crashed, killed: retried by the next run) is no outcome
 * at all: it is left out of both, and the verdict says how many wait.
 */
public final class ClaimTests {
    public static final double ALPHA = 0.05;
    static final int ENOUGH = 10;
    /**
     * Seeds per group below which a one-sided exact test of two groups cannot reach 5 %: the smallest p-value of
     * Mann-Whitney U (groups fully separated) and of Fisher's exact test (all against none) is 1 / C(2n, n), which
     * is 1/20 = 0.05 for 3 seeds each and 1/70 for 4.
     */
    static final int EXACT_MINIMUM = 4;
    private static final int BOOTSTRAP = 10_000;
    private static final long BOOTSTRAP_SEED = 20170405;
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    /**
     * What a sequential sweep adds to a claim's numbers: the seeds per group it used, the look that decided it
     * (0: none yet), the looks taken, each look's statistic and boundary, and the probability of improvement
     * P(X > Y) + P(X = Y) / 2 of the favoured group with a seeded 95 % bootstrap interval (rliable's measure).
     */
    public record Sequential(int seedsUsed, int decidedAt, int looksPlanned, List<SequentialClaims.ClaimLook> history,
            double improvement, double improvementLow, double improvementHigh) {}

    /** One claim's numbers. {@code successes} are null for a value claim; {@code sequential} null for fixed seeds. */
    public record Result(Claim claim, int[] n, double[] mean, int[] successes, double[][] wilson, double difference,
            double ciLow, double ciHigh, String test, double pValue, String verdict, Sequential sequential) {
        public Result(Claim claim, int[] n, double[] mean, int[] successes, double[][] wilson, double difference,
                double ciLow, double ciHigh, String test, double pValue, String verdict) {
            this(claim, n, mean, successes, wilson, difference, ciLow, ciHigh, test, pValue, verdict, null);
        }

        public String groups() {
            String where = claim.where().isEmpty() ? "" : " (" + String.join(", ", claim.where().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")";
            return claim.group() + " vs " + claim.against() + where;
        }
    }

    private ClaimTests() {}

    public static List<Result> run(ExperimentResults results) {
        SequentialClaims.Looks looks;
        try {
            looks = SequentialClaims.read(results.dir());
        } catch (IOException e) {
            looks = null; // the report says so in its problems (ExperimentResults notes the file) and tests on all seeds
        }
        if (looks != null) {
            return sequential(results, looks);
        }
        List<Result> out = new ArrayList<>();
        for (Claim c : results.claims()) {
            Result r = c.againstThreshold() ? testThreshold(c, values(results, c, c.group()))
                    : test(c, values(results, c, c.group()), values(results, c, c.against()));
            long waiting = results.trials().stream().filter(t -> inClaim(t, c) && !isOutcome(t)).count();
            if (waiting > 0) {
                // A failed (crashed, killed) trial is no outcome of the method: it is retried, and the verdict says so.
                r = new Result(r.claim(), r.n(), r.mean(), r.successes(), r.wilson(), r.difference(), r.ciLow(), r.ciHigh(),
                        r.test(), r.pValue(), r.verdict() + " (" + waiting + " failed or unfinished trial" + (waiting == 1 ? "" : "s")
                        + " left out: run the sweep again to retry " + (waiting == 1 ? "it" : "them") + ")");
            }
            out.add(r);
        }
        return out;
    }

    /**
     * The claims of a sequential sweep: each one's numbers on the seeds its looks used, and the verdict its looks
     * reached (never recomputed here: the stored decision stands).
     */
    static List<Result> sequential(ExperimentResults results, SequentialClaims.Looks looks) {
        List<Result> out = new ArrayList<>();
        int planned = looks.plan().looks().size();
        for (Claim c : results.claims()) {
            List<SequentialClaims.ClaimLook> history = looks.history(c.claim());
            int lastLook = history.isEmpty() ? 0 : looks.looks().stream().filter(l -> l.claims().stream().anyMatch(x -> x.claim().equals(c.claim())))
                    .mapToInt(SequentialClaims.Look::look).max().orElse(0);
            int seeds = lastLook == 0 ? 0 : looks.seedsAt(lastLook);
            double[] a = values(results, c, c.group(), seeds);
            double[] b = c.againstThreshold() ? null : values(results, c, c.against(), seeds);
            Result fixed = c.againstThreshold() ? testThreshold(c, a) : test(c, a, b);
            double[] poi = c.againstThreshold() ? new double[] {Double.NaN, Double.NaN, Double.NaN} : improvement(c, a, b);
            SequentialClaims.ClaimLook decided = looks.decided(c.claim());
            String verdict;
            if (history.isEmpty()) {
                verdict = "waiting for its first look";
            } else if (decided == null) {
                verdict = "undecided so far (look " + lastLook + " of " + planned + ", " + seeds + " seeds per group)";
            } else {
                verdict = decided.decision() + (SequentialClaims.UNDECIDED.equals(decided.decision()) ? " (" + seeds + " seeds per group"
                        : " at look " + lastLook + " of " + planned + " (" + seeds + " seeds per group") + String.format(Locale.ROOT,
                        "; statistic %.2f, boundary %.2f)", SequentialClaims.EQUIVALENT.equals(decided.decision()) ? decided.equivalence()
                                : SequentialClaims.CONTRADICTED.equals(decided.decision()) ? -decided.z() : decided.z(), decided.boundary());
            }
            out.add(new Result(c, fixed.n(), fixed.mean(), fixed.successes(), fixed.wilson(), fixed.difference(), fixed.ciLow(), fixed.ciHigh(),
                    "group-sequential " + (c.againstThreshold() ? "Wilcoxon signed-rank" : "Mann-Whitney U") + ", one-sided, Lan-DeMets O'Brien-Fleming",
                    Double.NaN, verdict, new Sequential(seeds, decided == null ? 0 : lastLook, planned, history, poi[0], poi[1], poi[2])));
        }
        return out;
    }

    /**
     * P(X > Y) + P(X = Y) / 2 of the favoured group's values (or success indicators) against the other's, oriented so
     * that above one half favours the claim, with a 95 % percentile bootstrap interval (groups resampled separately,
     * fixed seed).
     */
    static double[] improvement(Claim c, double[] a, double[] b) {
        double[] x = c.success() == null ? finite(a) : Arrays.stream(a).map(v -> !Double.isNaN(v) && (c.higherIsBetter() ? v >= c.success() : v <= c.success()) ? 1 : 0).toArray();
        double[] y = c.success() == null ? finite(b) : Arrays.stream(b).map(v -> !Double.isNaN(v) && (c.higherIsBetter() ? v >= c.success() : v <= c.success()) ? 1 : 0).toArray();
        if (x.length == 0 || y.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        boolean up = c.success() != null || c.higherIsBetter();
        double p = up ? GroupSequential.probabilityOfImprovement(x, y) : GroupSequential.probabilityOfImprovement(y, x);
        SplittableRandom r = new SplittableRandom(BOOTSTRAP_SEED);
        double[] d = new double[2000];
        for (int i = 0; i < d.length; i++) {
            double[] rx = resample(x, r);
            double[] ry = resample(y, r);
            d[i] = up ? GroupSequential.probabilityOfImprovement(rx, ry) : GroupSequential.probabilityOfImprovement(ry, rx);
        }
        Arrays.sort(d);
        return new double[] {p, d[(int) Math.floor(0.025 * (d.length - 1))], d[(int) Math.ceil(0.975 * (d.length - 1))]};
    }

    private static double[] resample(double[] x, SplittableRandom r) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[r.nextInt(x.length)];
        }
        return out;
    }

    /** Whether a trial belongs to one of the claim's groups (and its `where`). */
    static boolean inClaim(TrialResult t, Claim c) {
        String g = t.trial().setting().get(c.axis());
        boolean group = g != null && (g.equals(c.group()) || (!c.againstThreshold() && g.equals(c.against())));
        return group && c.where().entrySet().stream().allMatch(w -> w.getValue().equals(t.trial().setting().get(w.getKey())));
    }

    /** Completed and diverged trials are outcomes of the method; a failed one (crashed, killed) is not. */
    static boolean isOutcome(TrialResult t) {
        return "completed".equals(t.status()) || "diverged".equals(t.status());
    }

    /** The final metric of each seed of a group that has an outcome; NaN for a seed that diverged. */
    static double[] values(ExperimentResults results, Claim c, String group) {
        return values(results, c, group, Long.MAX_VALUE);
    }

    /** The same, of the seeds 1..{@code maxSeed} only (a look of a sequential sweep). */
    static double[] values(ExperimentResults results, Claim c, String group, long maxSeed) {
        List<Double> v = new ArrayList<>();
        for (TrialResult t : results.trials()) {
            if (t.trial().seed() > maxSeed || !group.equals(t.trial().setting().get(c.axis()))
                    || c.where().entrySet().stream().anyMatch(w -> !w.getValue().equals(t.trial().setting().get(w.getKey())))
                    || !isOutcome(t)) {
                continue;
            }
            Double m = t.summary() != null && "completed".equals(t.status()) && t.summary().metrics() != null
                    ? t.summary().metrics().get(c.metric()) : null;
            v.add(m == null ? Double.NaN : m);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code a}: the favoured group's seeds, {@code b}: the other's (NaN: the seed did not complete). */
    public static Result test(Claim c, double[] a, double[] b) {
        return c.success() == null ? valueClaim(c, finite(a), finite(b)) : successClaim(c, a, b);
    }

    /**
     * One group against a fixed level: the mean minus the threshold with a seeded bootstrap interval, and the
     * one-sided Wilcoxon signed-rank test of the values against it (NaN seeds, which did not complete, left out).
     * Results carry one entry per array.
     */
    public static Result testThreshold(Claim c, double[] values) {
        double[] a = finite(values);
        int[] n = {a.length};
        double[] mean = {mean(a)};
        String test = "Wilcoxon signed-rank, one-sided";
        if (a.length == 0) {
            return new Result(c, n, mean, null, null, Double.NaN, Double.NaN, Double.NaN, test, Double.NaN, "no data: the group has no completed seed");
        }
        double t = c.threshold();
        double[] ci = bootstrap(a, new double[] {t});
        AlternativeHypothesis claimed = c.higherIsBetter() ? AlternativeHypothesis.GREATER_THAN : AlternativeHypothesis.LESS_THAN;
        AlternativeHypothesis opposite = c.higherIsBetter() ? AlternativeHypothesis.LESS_THAN : AlternativeHypothesis.GREATER_THAN;
        double p;
        double pOpp;
        if (Arrays.stream(a).allMatch(x -> x == t)) {
            p = 1;
            pOpp = 1;
        } else {
            p = WilcoxonSignedRankTest.withDefaults().withMu(t).with(claimed).test(a).getPValue();
            pOpp = WilcoxonSignedRankTest.withDefaults().withMu(t).with(opposite).test(a).getPValue();
        }
        String verdict = verdict(p, pOpp, a.length, () -> seedsForLevel(a, t)).replace(" per group", "");
        return new Result(c, n, mean, null, null, mean[0] - t, ci[0], ci[1], test, p, verdict);
    }

    /** Seeds for a one-sided 5 % one-sample test with 80 % power at the observed standardised distance from the level. */
    static int seedsForLevel(double[] a, double level) {
        double sd = Math.sqrt(variance(a));
        double d = Math.abs(mean(a) - level) / sd;
        if (!(d > 0) || Double.isInfinite(d)) {
            // One seed, or seeds all alike: the exact test needs at least 5 seeds to reach 5 % in one direction.
            return mean(a) == level ? -1 : 5;
        }
        double z = STANDARD.inverseCumulativeProbability(1 - ALPHA) + STANDARD.inverseCumulativeProbability(0.8);
        // The signed-rank test's efficiency relative to the t-test is about 0.955 for normal data; and it needs 5 seeds.
        return Math.max(5, (int) Math.ceil(z * z / (d * d) / 0.955));
    }

    private static Result valueClaim(Claim c, double[] a, double[] b) {
        int[] n = {a.length, b.length};
        double[] mean = {mean(a), mean(b)};
        if (a.length == 0 || b.length == 0) {
            return new Result(c, n, mean, null, null, Double.NaN, Double.NaN, Double.NaN, "Mann-Whitney U, one-sided", Double.NaN,
                    "no data: a group has no completed seed");
        }
        double diff = mean[0] - mean[1];
        double[] ci = bootstrap(a, b);
        AlternativeHypothesis claimed = c.higherIsBetter() ? AlternativeHypothesis.GREATER_THAN : AlternativeHypothesis.LESS_THAN;
        AlternativeHypothesis opposite = c.higherIsBetter() ? AlternativeHypothesis.LESS_THAN : AlternativeHypothesis.GREATER_THAN;
        double p = MannWhitneyUTest.withDefaults().with(claimed).test(a, b).getPValue();
        double pOpp = MannWhitneyUTest.withDefaults().with(opposite).test(a, b).getPValue();
        String verdict = verdict(p, pOpp, Math.min(a.length, b.length), () -> seedsForMeans(a, b));
        return new Result(c, n, mean, null, null, diff, ci[0], ci[1], "Mann-Whitney U, one-sided", p, verdict);
    }

    private static Result successClaim(Claim c, double[] a, double[] b) {
        int[] n = {a.length, b.length};
        int[] k = {successes(c, a), successes(c, b)};
        double[] rate = {n[0] == 0 ? Double.NaN : (double) k[0] / n[0], n[1] == 0 ? Double.NaN : (double) k[1] / n[1]};
        double[][] wilson = {wilson(k[0], n[0]), wilson(k[1], n[1])};
        if (n[0] == 0 || n[1] == 0) {
            return new Result(c, n, rate, k, wilson, Double.NaN, Double.NaN, Double.NaN, "Fisher's exact, one-sided", Double.NaN,
                    "no data: a group has no seeds");
        }
        int[][] table = {{k[0], n[0] - k[0]}, {k[1], n[1] - k[1]}};
        // Rows: favoured group, other group; columns: success, failure. GREATER_THAN: the favoured group's odds
        // of success are higher.
        double p = FisherExactTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(table).getPValue();
        double pOpp = FisherExactTest.withDefaults().with(AlternativeHypothesis.LESS_THAN).test(table).getPValue();
        double diff = rate[0] - rate[1];
        String verdict = verdict(p, pOpp, Math.min(n[0], n[1]), () -> seedsForRates(rate[0], rate[1]));
        // The interval of the difference: Newcombe's hybrid of the two Wilson intervals.
        double lo = diff - Math.sqrt(sq(rate[0] - wilson[0][0]) + sq(wilson[1][1] - rate[1]));
        double hi = diff + Math.sqrt(sq(wilson[0][1] - rate[0]) + sq(rate[1] - wilson[1][0]));
        return new Result(c, n, rate, k, wilson, diff, lo, hi, "Fisher's exact, one-sided", p, verdict);
    }

    private static String verdict(double p, double pOpposite, int smallest, IntSupplier needed) {
        if (p < ALPHA) {
            return "supported";
        }
        if (pOpposite < ALPHA) {
            return "contradicted";
        }
        if (smallest < ENOUGH) {
            int want = needed.getAsInt();
            if (want >= 0) {
                want = Math.max(want, smallest + 1); // these seeds did not show it: more than these, whatever the estimate
            }
            return "too few seeds (" + smallest + " per group; "
                    + (want < 0 ? "the groups do not differ in these seeds, so no number of seeds can be estimated" : "about " + want + " per group would show this difference")
                    + ")";
        }
        return "not supported";
    }

    /** Seeds per group for a one-sided 5 % test with 80 % power at the observed standardised difference (normal approximation). */
    static int seedsForMeans(double[] a, double[] b) {
        double pooled = Math.sqrt((variance(a) * (a.length - 1) + variance(b) * (b.length - 1)) / Math.max(1, a.length + b.length - 2));
        double d = Math.abs(mean(a) - mean(b)) / pooled;
        if (!(d > 0) || Double.isInfinite(d)) {
            return d > 0 ? EXACT_MINIMUM : -1;
        }
        double z = STANDARD.inverseCumulativeProbability(1 - ALPHA) + STANDARD.inverseCumulativeProbability(0.8);
        // Mann-Whitney's efficiency relative to the t-test is about 0.955 for normal data.
        return Math.max(EXACT_MINIMUM, (int) Math.ceil(2 * z * z / (d * d) / 0.955));
    }

    /** Seeds per group for a one-sided 5 % test of two proportions with 80 % power (normal approximation). */
    static int seedsForRates(double p1, double p2) {
        if (p1 == p2) {
            return -1;
        }
        double za = STANDARD.inverseCumulativeProbability(1 - ALPHA);
        double zb = STANDARD.inverseCumulativeProbability(0.8);
        double bar = (p1 + p2) / 2;
        double num = za * Math.sqrt(2 * bar * (1 - bar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return Math.max(EXACT_MINIMUM, (int) Math.ceil(num * num / sq(p1 - p2)));
    }

    /** The Wilson score interval of k successes in n at 95 %. */
    static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = STANDARD.inverseCumulativeProbability(0.975);
        double p = (double) k / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        // No successes (or no failures) put the bound at 0 (or 1) exactly; the formula leaves rounding dust (2.8e-17).
        return new double[] {k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half)};
    }

    /** 95 % percentile bootstrap interval of mean(a) - mean(b), resampling each group, with a fixed seed. */
    static double[] bootstrap(double[] a, double[] b) {
        SplittableRandom r = new SplittableRandom(BOOTSTRAP_SEED);
        double[] d = new double[BOOTSTRAP];
        for (int i = 0; i < BOOTSTRAP; i++) {
            d[i] = resampledMean(a, r) - resampledMean(b, r);
        }
        Arrays.sort(d);
        return new double[] {d[(int) Math.floor(0.025 * (BOOTSTRAP - 1))], d[(int) Math.ceil(0.975 * (BOOTSTRAP - 1))]};
    }

    private static double resampledMean(double[] x, SplittableRandom r) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[r.nextInt(x.length)];
        }
        return s / x.length;
    }

    private static int successes(Claim c, double[] v) {
        int k = 0;
        for (double x : v) {
            if (!Double.isNaN(x) && (c.higherIsBetter() ? x >= c.success() : x <= c.success())) {
                k++;
            }
        }
        return k;
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    private static double variance(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** tables/claims.csv: one row per claim. */
    public static String csv(List<Result> results) {
        boolean seq = results.stream().anyMatch(r -> r.sequential() != null);
        List<String> header = new ArrayList<>(List.of("claim", "metric", "groups", "n", "mean per group", "difference", "ci_low",
                "ci_high", "test", "p_value", "verdict"));
        if (seq) {
            header.addAll(List.of("seeds_used", "decided_at_look", "looks_planned", "statistic_by_look", "boundary_by_look",
                    "p_improvement", "p_improvement_low", "p_improvement_high"));
        }
        Csv csv = new Csv(header);
        for (Result r : results) {
            List<Object> cells = new ArrayList<>(Arrays.asList(r.claim().claim(), r.claim().metric()
                    + (r.successes() != null ? " " + (r.claim().higherIsBetter() ? ">=" : "<=") + " " + SummaryTable.fmt(r.claim().success()) : ""),
                    r.groups(), r.claim().againstThreshold() ? String.valueOf(r.n()[0]) : r.n()[0] + " / " + r.n()[1],
                    r.claim().againstThreshold() ? num(r.mean()[0]) : num(r.mean()[0]) + " / " + num(r.mean()[1]),
                    num(r.difference()), num(r.ciLow()), num(r.ciHigh()), r.test(), num(r.pValue()), r.verdict()));
            if (seq) {
                Sequential s = r.sequential();
                cells.addAll(List.of(s.seedsUsed(), s.decidedAt(), s.looksPlanned(),
                        String.join(" ", s.history().stream().map(h -> num(h.z())).toList()),
                        String.join(" ", s.history().stream().map(h -> num(h.boundary())).toList()),
                        num(s.improvement()), num(s.improvementLow()), num(s.improvementHigh())));
            }
            csv.row(cells);
        }
        return csv.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }
}
