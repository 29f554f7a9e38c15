package org.gansweep.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.gansweep.core.config.Claim;
import org.gansweep.core.config.SequentialSeeds;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.store.AtomicFiles;

/**
 * The claims of a grid with sequential seeds, tested after every round with group-sequential boundaries
 * ({@link GroupSequential}) so that each claim's overall one-sided error stays at {@link ClaimTests#ALPHA}. The
 * looks are stored in {@code EXPERIMENT/looks.json} as they are taken and never recomputed: a sweep killed between
 * rounds resumes with the same looks and the same decisions.
 *
 * <p>Per claim and look, on the seeds 1..n of the look: two groups' values, the Mann-Whitney statistic (tie-
 * corrected, continuity-corrected); success rates, the same statistic on the success indicators; one group against a
 * threshold, the Wilcoxon signed-rank statistic. Supported when the statistic in the claim's direction reaches the
 * look's boundary, contradicted when the one in the opposite direction does (its own alpha), equivalent when the
 * claim states a margin and both one-sided tests of the difference of means against it (TOST, normal approximation)
 * reach the boundary; otherwise the next look, and at the last "undecided at the budget".
 */
public final class SequentialClaims {
    /** The file of the looks, beside grid.yaml. */
    public static final String FILE = "looks.json";
    public static final String SUPPORTED = "supported";
    public static final String CONTRADICTED = "contradicted";
    public static final String EQUIVALENT = "equivalent";
    public static final String UNDECIDED = "undecided at the budget";

    /**
     * One claim at one look.
     *
     * @param z the statistic in the claim's direction
     * @param equivalence the smaller of the two one-sided equivalence statistics (null without a margin)
     * @param decision null while undecided and seeds remain
     * @param n seeds with an outcome per group (diverged seeds count in success claims only)
     */
    public record ClaimLook(String claim, int[] n, double z, double boundary, Double equivalence, String decision) {}

    /** One look: after the round that brought every setting an undecided claim needs to {@code seeds} seeds. */
    public record Look(int look, int seeds, List<ClaimLook> claims) {}

    /** Everything stored: the plan the looks were taken under, and the looks. */
    public record Looks(SequentialSeeds plan, double alpha, List<Look> looks) {
        public Looks {
            looks = looks == null ? new ArrayList<>() : new ArrayList<>(looks);
        }

        /** The decision of a claim and the look that made it; null while undecided. */
        public ClaimLook decided(String claim) {
            for (Look l : looks) {
                for (ClaimLook c : l.claims()) {
                    if (c.claim().equals(claim) && c.decision() != null) {
                        return c;
                    }
                }
            }
            return null;
        }

        /** The look at which a claim was decided (1-based), or 0. */
        public int decidedAt(String claim) {
            for (Look l : looks) {
                for (ClaimLook c : l.claims()) {
                    if (c.claim().equals(claim) && c.decision() != null) {
                        return l.look();
                    }
                }
            }
            return 0;
        }

        /** Each look's statistic of a claim, up to and including its decision. */
        public List<ClaimLook> history(String claim) {
            List<ClaimLook> out = new ArrayList<>();
            for (Look l : looks) {
                l.claims().stream().filter(c -> c.claim().equals(claim)).forEach(out::add);
            }
            return out;
        }

        /** Seeds per setting at each look, for the figure and the table. */
        public int seedsAt(int look) {
            return looks.get(look - 1).seeds();
        }

        public boolean allDecided(List<Claim> claims) {
            return claims.stream().allMatch(c -> decided(c.claim()) != null);
        }
    }

    private SequentialClaims() {}

    /** Whether a claim's groups hold this trial (its axis value, and its `where`). */
    public static boolean needs(Claim c, Trial t) {
        String g = t.setting().get(c.axis());
        boolean group = g != null && (g.equals(c.group()) || (!c.againstThreshold() && g.equals(c.against())));
        return group && c.where().entrySet().stream().allMatch(w -> w.getValue().equals(t.setting().get(w.getKey())));
    }

    public static Path file(Path experimentDir) {
        return experimentDir.resolve(FILE);
    }

    /** The stored looks, or null when the experiment has none (a fixed-seed grid). */
    public static Looks read(Path experimentDir) throws IOException {
        Path f = file(experimentDir);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            Looks looks = Yaml.json().readValue(f.toFile(), new TypeReference<Looks>() {});
            if (looks.plan() == null || !(looks.alpha() > 0 && looks.alpha() < 0.5)) {
                throw new IOException("it has no plan or no alpha");
            }
            return looks;
        } catch (IOException e) {
            throw new Unreadable(f + " cannot be read (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); it holds"
                    + " the looks of the sequential claims: restore it, or move it away to take the looks again from the first", e);
        }
    }

    public static void write(Path experimentDir, Looks looks) throws IOException {
        AtomicFiles.write(file(experimentDir), Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(looks));
    }

    /** The boundaries of the plan's looks at the looks' alpha. */
    public static double[] boundaries(Looks looks) {
        return GroupSequential.boundaries(looks.alpha(), looks.plan().informationFractions());
    }

    /**
     * Takes look {@code k} (0-based) of every claim still undecided, on seeds 1..n_k. Throws {@link Waiting} when a
     * seed of a claim's groups has no outcome yet (failed or unfinished): the look waits for the rerun that retries it.
     */
    public static Look take(ExperimentResults results, Looks looks, int k) throws Waiting {
        int seeds = looks.plan().looks().get(k);
        double c = boundaries(looks)[k];
        boolean last = k == looks.plan().looks().size() - 1;
        List<ClaimLook> out = new ArrayList<>();
        for (Claim claim : results.claims()) {
            if (looks.decided(claim.claim()) != null) {
                continue;
            }
            Predicate<TrialResult> upTo = t -> t.trial().seed() <= seeds;
            long waiting = results.trials().stream().filter(t -> upTo.test(t) && ClaimTests.inClaim(t, claim) && !ClaimTests.isOutcome(t)).count();
            long present = results.trials().stream().filter(t -> upTo.test(t) && ClaimTests.inClaim(t, claim)).count();
            long expected = (long) seeds * (claim.againstThreshold() ? 1 : 2);
            if (waiting > 0 || present < expected) {
                throw new Waiting("claim \"" + claim.claim() + "\": " + (expected - present + waiting) + " of its " + expected
                        + " trials at look " + (k + 1) + " have no outcome yet");
            }
            double[] a = ClaimTests.values(results, claim, claim.group(), seeds);
            double[] b = claim.againstThreshold() ? null : ClaimTests.values(results, claim, claim.against(), seeds);
            out.add(decide(claim, a, b, c, last));
        }
        return new Look(k + 1, seeds, out);
    }

    /** looks.json is there but cannot be used (damaged, or taken under another plan): the message says what to do. */
    public static final class Unreadable extends IOException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A look cannot be taken yet: some trials it needs have no outcome. */
    public static final class Waiting extends Exception {
        Waiting(String message) {
            super(message);
        }
    }

    /** The statistics and the decision of one claim at a look with boundary {@code c}. */
    static ClaimLook decide(Claim claim, double[] a, double[] b, double c, boolean last) {
        double z;
        int[] n;
        Double equivalence = null;
        if (claim.againstThreshold()) {
            double[] x = finite(a);
            n = new int[] {x.length};
            z = signedRankZ(x, claim.threshold()) * (claim.higherIsBetter() ? 1 : -1);
        } else if (claim.success() != null) {
            n = new int[] {a.length, b.length};
            z = GroupSequential.mannWhitneyZ(successes(claim, a), successes(claim, b));
        } else {
            double[] x = finite(a);
            double[] y = finite(b);
            n = new int[] {x.length, y.length};
            z = claim.higherIsBetter() ? GroupSequential.mannWhitneyZ(x, y) : GroupSequential.mannWhitneyZ(y, x);
            if (claim.margin() != null) {
                equivalence = equivalenceZ(x, y, claim.margin());
            }
        }
        String decision = null;
        if (z >= c) {
            decision = SUPPORTED;
        } else if (-z >= c) {
            decision = CONTRADICTED;
        } else if (equivalence != null && equivalence >= c) {
            decision = EQUIVALENT;
        } else if (last) {
            decision = UNDECIDED;
        }
        return new ClaimLook(claim.claim(), n, z, c, equivalence, decision);
    }

    /**
     * Two one-sided tests of |mean(x) - mean(y)| < margin (Schuirmann 1987), each standardised with the unpooled
     * standard error: the smaller statistic, which must reach the boundary for both to. NaN with no spread.
     */
    static double equivalenceZ(double[] x, double[] y, double margin) {
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        double d = ClaimTests.mean(x) - ClaimTests.mean(y);
        double se = Math.sqrt(variance(x) / x.length + variance(y) / y.length);
        if (!(se > 0)) {
            return Math.abs(d) < margin ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return Math.min((d + margin) / se, (margin - d) / se);
    }

    /**
     * The Wilcoxon signed-rank statistic of {@code x} against {@code level}: zero differences dropped, average ranks for
     * ties, tie-corrected variance, continuity correction of one half towards zero; positive when x lies above.
     */
    static double signedRankZ(double[] x, double level) {
        double[] d = Arrays.stream(x).map(v -> v - level).filter(v -> v != 0).toArray();
        int n = d.length;
        if (n == 0) {
            return 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(Math.abs(d[i]), Math.abs(d[j])));
        double[] rank = new double[n];
        double ties = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && Math.abs(d[order[j]]) == Math.abs(d[order[i]])) {
                j++;
            }
            double r = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                rank[order[k]] = r;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double plus = 0;
        for (int i = 0; i < n; i++) {
            plus += d[i] > 0 ? rank[i] : 0;
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2 * n + 1) / 24.0 - ties / 48.0;
        if (!(var > 0)) {
            return 0;
        }
        double centred = plus - mean;
        return Math.signum(centred) * Math.max(0, Math.abs(centred) - 0.5) / Math.sqrt(var);
    }

    private static double[] successes(Claim c, double[] v) {
        return Arrays.stream(v).map(x -> !Double.isNaN(x) && (c.higherIsBetter() ? x >= c.success() : x <= c.success()) ? 1 : 0).toArray();
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static double variance(double[] v) {
        double m = ClaimTests.mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }
}
