package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.core.train.TrialStatus;
import org.junit.jupiter.api.io.TempDir;
import org.gansweep.core.config.Claim;
import org.junit.jupiter.api.Test;

/** The claims' statistics against values worked out by hand or printed in textbooks. */
class ClaimTestsTest {
    private static Claim values(String better) {
        return new Claim("LSGAN covers more modes", "modes_covered", better, "loss", List.of("lsgan", "gan"), null);
    }

    private static Claim success(double threshold) {
        return new Claim("LSGAN succeeds more often", "modes_covered", "higher", "loss", List.of("lsgan", "gan"), threshold);
    }

    @Test
    void mannWhitneyOnSeparatedGroupsIsOneOverTheNumberOfArrangements() {
        // Every value of the favoured group above every other: exact one-sided p = 1 / C(10, 5) = 1/252.
        ClaimTests.Result r = ClaimTests.test(values("higher"), new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5});
        assertEquals(1.0 / 252, r.pValue(), 1e-12);
        assertEquals("supported", r.verdict());
        assertEquals(5, r.difference(), 1e-12);
        assertTrue(r.ciLow() > 0 && r.ciHigh() >= 5 && r.ciLow() <= 5, r.ciLow() + " " + r.ciHigh());
        // The other way round the data contradict the claim; with "lower is better" they support it.
        ClaimTests.Result flipped = ClaimTests.test(values("higher"), new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertEquals("contradicted", flipped.verdict());
        assertEquals("supported", ClaimTests.test(values("lower"), new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}).verdict());
        // Diverged seeds (NaN) are left out.
        ClaimTests.Result withNaN = ClaimTests.test(values("higher"), new double[] {6, 7, 8, 9, 10, Double.NaN}, new double[] {1, 2, 3, 4, 5});
        assertArrayEquals(new int[] {5, 5}, withNaN.n());
        // The interval is seeded: the same numbers every time.
        ClaimTests.Result again = ClaimTests.test(values("higher"), new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5});
        assertEquals(r.ciLow(), again.ciLow(), 0);
        assertEquals(r.ciHigh(), again.ciHigh(), 0);
    }

    @Test
    void signedRankAgainstAThresholdCountsTheArrangementsOfSigns() {
        Claim readable = new Claim("The characters are readable", "conditional_accuracy", "higher", "loss", List.of("lsgan-binary"),
                null, null, 0.2);
        // Five seeds all above the level: every rank positive, exact one-sided p = 1 / 2^5.
        ClaimTests.Result r = ClaimTests.testThreshold(readable, new double[] {0.30, 0.25, 0.40, 0.35, 0.28});
        assertEquals(1.0 / 32, r.pValue(), 1e-12);
        assertEquals("supported", r.verdict());
        assertEquals(0.316 - 0.2, r.difference(), 1e-12);
        assertTrue(r.ciLow() > 0 && r.ciLow() <= r.difference() && r.ciHigh() >= r.difference(), r.ciLow() + " " + r.ciHigh());
        assertArrayEquals(new int[] {5}, r.n());
        // x - 0.2 for {0.19, 0.18, 0.3, 0.35, 0.45} is {-0.01, -0.02, 0.1, 0.15, 0.25}: the negative ones rank 1 and 2, so
        // W+ = 12 of 15 and P(W+ >= 12) = 5 / 32 (sign arrangements with a negative-rank sum of at most 3: {}, {1}, {2},
        // {3}, {1,2}).
        ClaimTests.Result mixed = ClaimTests.testThreshold(readable, new double[] {0.19, 0.18, 0.3, 0.35, 0.45});
        assertEquals(5.0 / 32, mixed.pValue(), 1e-12);
        assertTrue(mixed.verdict().startsWith("too few seeds (5; about "), mixed.verdict());
        // All below the level: the claim is contradicted; failed seeds (NaN) are left out.
        ClaimTests.Result below = ClaimTests.testThreshold(readable, new double[] {0.1, 0.12, 0.05, 0.15, 0.11, Double.NaN});
        assertEquals("contradicted", below.verdict());
        assertArrayEquals(new int[] {5}, below.n());
        // One seed can never reach 5 %: the verdict says so and how many the exact test needs at least.
        ClaimTests.Result one = ClaimTests.testThreshold(readable, new double[] {0.3});
        assertEquals(0.5, one.pValue(), 1e-12);
        assertEquals("too few seeds (1; about 5 would show this difference)", one.verdict());
        assertTrue(ClaimTests.csv(List.of(r)).contains(",lsgan-binary vs threshold 0.2,5,0.3160,0.1160,"), ClaimTests.csv(List.of(r)));
    }

    @Test
    void fishersExactTestIsTheLadyTastingTea() {
        // Fisher's own example: 3 of 4 right against 1 of 4: one-sided p = 17/70.
        ClaimTests.Result r = ClaimTests.test(success(8), new double[] {8, 8, 8, 5}, new double[] {8, 4, 6, 7});
        assertArrayEquals(new int[] {3, 1}, r.successes());
        assertEquals(17.0 / 70, r.pValue(), 1e-12);
        assertTrue(r.verdict().startsWith("too few seeds (4 per group; about "), r.verdict());
        // A diverged seed (NaN) counts as a failure, not as missing.
        ClaimTests.Result failed = ClaimTests.test(success(8), new double[] {8, 8, 8, Double.NaN}, new double[] {8, 4, 6, 7});
        assertArrayEquals(new int[] {3, 1}, failed.successes());
        assertArrayEquals(new int[] {4, 4}, failed.n());
    }

    @Test
    void wilsonIntervalAndSampleSizesByHand() {
        // 8 of 10 at 95 %: centre (0.8 + 1.92/10) / 1.384 = 0.7167, half-width 0.2266.
        // 0 of 10: the lower bound is 0 exactly (not 2.8e-17), the upper z^2 / (n + z^2) = 3.8415 / 13.8415 = 0.2775.
        assertEquals(0.0, ClaimTests.wilson(0, 10)[0], 0);
        assertEquals(0.2775, ClaimTests.wilson(0, 10)[1], 1e-4);
        assertEquals(1.0, ClaimTests.wilson(10, 10)[1], 0);
        double[] w = ClaimTests.wilson(8, 10);
        assertEquals(0.4902, w[0], 1e-4);
        assertEquals(0.9433, w[1], 1e-4);
        assertArrayEquals(new double[] {0, 0.2775}, new double[] {ClaimTests.wilson(0, 10)[0], Math.round(ClaimTests.wilson(0, 10)[1] * 1e4) / 1e4}, 1e-12);
        // Groups with sd sqrt(2/3) = 0.8165 whose means differ by 0.8165: a standardised difference of 1,
        // 2 (1.645 + 0.842)^2 / 0.955 = 12.95, so 13 seeds per group.
        double s = Math.sqrt(2.0 / 3);
        assertEquals(13, ClaimTests.seedsForMeans(new double[] {-1, 1, 0, 0}, new double[] {-1 + s, 1 + s, s, s}));
        // Rates 0.9 against 0.5: (1.645 sqrt(2 * 0.7 * 0.3) + 0.842 sqrt(0.09 + 0.25))^2 / 0.16
        // = (1.0660 + 0.4907)^2 / 0.16 = 15.15, so 16.
        assertEquals(16, ClaimTests.seedsForRates(0.9, 0.5));
        // Fully separated groups of 3 give the exact test's smallest p, 1/20, not below 5 %: at least 4 are needed.
        assertEquals(4, ClaimTests.seedsForMeans(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        assertEquals(4, ClaimTests.seedsForMeans(new double[] {1, 1, 1}, new double[] {2, 2, 2}));
        assertEquals(4, ClaimTests.seedsForRates(1.0, 0.0));
        assertEquals(-1, ClaimTests.seedsForRates(0.5, 0.5));
    }

    @Test
    void separatedGroupsOfThreeAskForAtLeastFour() {
        // Mann-Whitney's exact one-sided p for fully separated groups of 3 is 1/20 = 0.05: not below 5 %.
        ClaimTests.Result r = ClaimTests.test(values("higher"), new double[] {4, 5, 6}, new double[] {1, 2, 3});
        assertEquals(0.05, r.pValue(), 1e-12);
        assertEquals("too few seeds (3 per group; about 4 per group would show this difference)", r.verdict());
    }

    @Test
    void equalGroupsWithFewSeedsSayNoNumberOfSeedsWouldShowADifference() {
        ClaimTests.Result r = ClaimTests.test(values("higher"), new double[] {8, 8, 8}, new double[] {8, 8, 8});
        assertEquals("too few seeds (3 per group; the groups do not differ in these seeds, so no number of seeds can be estimated)", r.verdict());
        ClaimTests.Result many = ClaimTests.test(values("higher"), new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertEquals("not supported", many.verdict());
    }

    @Test
    void aFailedTrialIsNoOutcomeAndTheVerdictSaysItWaits(@TempDir Path tmp) throws Exception {
        Path dir = StoredExperiment.store(tmp, Map.of("gan_s1", 8.0, "gan_s2", 6.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 8.0),
                Map.of("lsgan-pearson_s2", TrialStatus.failed));
        List<ClaimTests.Result> r = ClaimTests.run(StoredExperiment.load(dir));
        ClaimTests.Result success = r.get(1);
        assertArrayEquals(new int[] {1, 2}, success.n(), "the failed seed counted as an outcome");
        assertArrayEquals(new int[] {1, 1}, success.successes());
        assertTrue(success.verdict().endsWith("(1 failed or unfinished trial left out: run the sweep again to retry it)"), success.verdict());
        ClaimTests.Result value = r.get(0);
        assertArrayEquals(new int[] {1, 2}, value.n());
        assertTrue(value.verdict().contains("1 failed or unfinished trial left out"), value.verdict());
        // A diverged seed is an outcome: a failure of the method.
        Path other = StoredExperiment.store(tmp.resolve("b"), Map.of("gan_s1", 8.0, "gan_s2", 6.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 8.0),
                Map.of("lsgan-pearson_s2", TrialStatus.diverged));
        ClaimTests.Result diverged = ClaimTests.run(StoredExperiment.load(other)).get(1);
        assertArrayEquals(new int[] {2, 2}, diverged.n());
        assertTrue(!diverged.verdict().contains("left out"), diverged.verdict());
    }
}
