package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.Claim;
import org.gansweep.core.config.SequentialSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One look of a claim, by hand, and the looks file read back as written. */
class SequentialClaimsTest {
    private static final Claim HIGHER = new Claim("a beats b", "m", "higher", "loss", List.of("a", "b"), null);
    private static final Claim LOWER = new Claim("a is lower", "m", "lower", "loss", List.of("a", "b"), null);

    @Test
    void separatedGroupsAreSupportedOnceTheStatisticReachesTheBoundary() {
        double[] a = {5, 6, 7, 8, 9};
        double[] b = {0, 1, 2, 3, 4};
        // U = 25 of 25, no ties: (25 - 12.5 - 0.5) / sqrt(25/12 * 11) = 12 / 4.787 = 2.507.
        double z = 12 / Math.sqrt(25.0 / 12 * 11);
        SequentialClaims.ClaimLook at = SequentialClaims.decide(HIGHER, a, b, 2.4, false);
        assertEquals(z, at.z(), 1e-12);
        assertEquals(SequentialClaims.SUPPORTED, at.decision());
        assertNull(SequentialClaims.decide(HIGHER, a, b, 2.6, false).decision(), "below the boundary, with seeds left: go on");
        assertEquals(SequentialClaims.UNDECIDED, SequentialClaims.decide(HIGHER, a, b, 2.6, true).decision());
        // The same data against a claim that a is lower: the opposite statistic, contradicted.
        SequentialClaims.ClaimLook wrong = SequentialClaims.decide(LOWER, a, b, 2.4, false);
        assertEquals(-z, wrong.z(), 1e-12);
        assertEquals(SequentialClaims.CONTRADICTED, wrong.decision());
    }

    @Test
    void groupsWithinTheMarginAreEquivalent() {
        Claim withMargin = new Claim("a is no worse", "m", "higher", "loss", List.of("a", "b"), null, Map.of(), null, 1.0);
        double[] a = {10.0, 10.1, 9.9, 10.05, 9.95};
        double[] b = {10.02, 9.98, 10.0, 10.03, 9.97};
        // d = 0, se = sqrt(0.00625/5 + 0.00065/5) = 0.03715: both one-sided statistics (1 - 0) / se = 26.9.
        SequentialClaims.ClaimLook e = SequentialClaims.decide(withMargin, a, b, 2.4, false);
        assertEquals(1.0 / Math.sqrt(0.00625 / 5 + 0.00065 / 5), e.equivalence(), 1e-6);
        assertEquals(SequentialClaims.EQUIVALENT, e.decision());
        // A margin smaller than the difference: not equivalent.
        Claim tight = new Claim("a is no worse", "m", "higher", "loss", List.of("a", "b"), null, Map.of(), null, 0.01);
        assertTrue(SequentialClaims.decide(tight, new double[] {10, 10.1, 10.2}, new double[] {9, 9.1, 9.2}, 2.4, false).equivalence() < 0);
    }

    @Test
    void theSignedRankStatisticByHand() {
        // x - 5 = {1, 2, 3, -1.5}: ranks of |d| 1, 3, 4, 2; W+ = 8, mean 5, var 4*5*9/24 = 7.5: (8 - 5 - 0.5) / sqrt(7.5).
        assertEquals(2.5 / Math.sqrt(7.5), SequentialClaims.signedRankZ(new double[] {6, 7, 8, 3.5, 5}, 5), 1e-12);
        assertEquals(0, SequentialClaims.signedRankZ(new double[] {5, 5}, 5));
    }

    @Test
    void looksReadBackAsWritten(@TempDir Path dir) throws Exception {
        SequentialClaims.Looks looks = new SequentialClaims.Looks(new SequentialSeeds(3, 2, 7), 0.05, List.of(
                new SequentialClaims.Look(1, 3, List.of(new SequentialClaims.ClaimLook("a beats b", new int[] {3, 3}, 1.2, 3.1, null, null))),
                new SequentialClaims.Look(2, 5, List.of(new SequentialClaims.ClaimLook("a beats b", new int[] {5, 5}, 2.6, 2.4, null, "supported")))));
        SequentialClaims.write(dir, looks);
        SequentialClaims.Looks back = SequentialClaims.read(dir);
        assertEquals(looks.plan(), back.plan());
        assertEquals(2, back.decidedAt("a beats b"));
        assertEquals("supported", back.decided("a beats b").decision());
        assertEquals(2, back.history("a beats b").size());
        Files.writeString(SequentialClaims.file(dir), "{broken");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> SequentialClaims.read(dir));
        assertTrue(e.getMessage().contains("looks.json cannot be read") && e.getMessage().contains("move it away"), e.getMessage());
    }
}
