package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A claim is checked against the trials the grid makes once --set is applied: metric, groups, where. */
class ClaimsThatCannotMatchTest {
    @TempDir
    Path tmp;

    private static String withClaim(String claim) {
        return Tiny.RING + "claims:\n  - " + claim + "\n";
    }

    private Tiny.Result validate(String yaml, String... set) throws Exception {
        Path g = Tiny.write(tmp, "g.yaml", yaml);
        String[] args = new String[2 + 2 * set.length];
        args[0] = "validate";
        args[1] = g.toString();
        for (int i = 0; i < set.length; i++) {
            args[2 + 2 * i] = "--set";
            args[3 + 2 * i] = set[i];
        }
        return Tiny.cli(args);
    }

    @Test
    void aMisspeltMetricIsLocatedWithASuggestion() throws Exception {
        Tiny.Result r = validate(withClaim("{claim: x, metric: modes_coverd, better: higher, axis: loss, compare: [lsgan-pearson, gan]}"));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("g.yaml:") && r.err().contains("claim metric `modes_coverd` is not recorded by any trial")
                && r.err().contains("did you mean `modes_covered`"), r.err());
        Tiny.Result loss = validate(withClaim("{claim: x, metric: d_loss, better: lower, axis: loss, compare: [lsgan-pearson, gan]}"));
        assertEquals(0, loss.code(), loss.err());
    }

    @Test
    void groupsAreCheckedAfterSetAndMustDiffer() throws Exception {
        String misspelt = withClaim("{claim: x, metric: modes_covered, better: higher, axis: loss, compare: [lsgan-pearsn, gan]}");
        Tiny.Result plain = validate(misspelt);
        assertEquals(2, plain.code());
        assertTrue(plain.err().contains("`lsgan-pearsn` is not a value of axis `loss`"), plain.err());
        // Before, any --set switched the check off.
        Tiny.Result withSet = validate(misspelt, "training.steps=10");
        assertEquals(2, withSet.code(), withSet.out());
        assertTrue(withSet.err().contains("once --set training.steps=10 is applied"), withSet.err());
        // A --set that removes a group the claim compares.
        Tiny.Result removed = validate(withClaim("{claim: x, metric: modes_covered, better: higher, axis: loss, compare: [lsgan-pearson, gan]}"), "loss=gan");
        assertEquals(2, removed.code());
        assertTrue(removed.err().contains("`lsgan-pearson` is not a value of axis `loss` once --set loss=gan is applied"), removed.err());
        Tiny.Result same = validate(withClaim("{claim: x, metric: modes_covered, better: higher, axis: loss, compare: [gan, gan]}"));
        assertEquals(2, same.code());
        assertTrue(same.err().contains("`compare` names `gan` twice"), same.err());
        Tiny.Result where = validate(withClaim("{claim: x, metric: modes_covered, better: higher, axis: loss, compare: [lsgan-pearson, gan], where: {loss: gann}}"));
        assertEquals(2, where.code());
        assertTrue(where.err().contains("`where` names `loss: gann`, which no trial has"), where.err());
    }

    @Test
    void benchTestsNoClaimSoItMaySetAnAxisToOneValue() throws Exception {
        Path g = Tiny.write(tmp, "g.yaml", withClaim("{claim: x, metric: modes_covered, better: higher, axis: loss, compare: [lsgan-pearson, gan]}"));
        Tiny.Result b = Tiny.cli("bench", g.toString(), "--steps", "25", "--set", "loss=gan");
        assertEquals(0, b.code(), b.err());
    }
}
