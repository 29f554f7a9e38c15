package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that cannot be represented, and names that collide or make unsafe folders, are located errors. */
class ValuesThatCollideTest {
    @TempDir
    Path tmp;

    private Tiny.Result validate(String yaml) throws Exception {
        return Tiny.cli("validate", Tiny.write(tmp, "g.yaml", yaml).toString());
    }

    @Test
    void ringWeightsWhoseSumOverflowsOrWhoseShareVanishesAreRefused() throws Exception {
        String ring = Tiny.RING.replace("std: 0.05}", "std: 0.05, weights: WEIGHTS}");
        Tiny.Result sum = validate(ring.replace("WEIGHTS", "[1.0e308, 1.0e308, 1, 1]"));
        assertEquals(2, sum.code(), sum.out() + sum.err());
        assertTrue(sum.err().contains("add up to more than a double holds") && sum.err().contains("g.yaml:"), sum.err());
        Tiny.Result tiny = validate(ring.replace("WEIGHTS", "[1.0e300, 1, 1, 1]"));
        assertEquals(2, tiny.code());
        assertTrue(tiny.err().contains("weights.1") && tiny.err().contains("12 orders of magnitude"), tiny.err());
        Tiny.Result fine = validate(ring.replace("WEIGHTS", "[2, 1, 1, 1]"));
        assertEquals(0, fine.code(), fine.err());
    }

    @Test
    void twoValuesOfAnAxisWithOneNameAreRefused() throws Exception {
        Tiny.Result labels = validate(Tiny.RING.replace("  loss: [gan, lsgan-pearson]",
                "  loss: [gan, lsgan-pearson]\n  ablation:\n    - {label: small, optimizer: {lr: 0.001}}\n    - {label: small, optimizer: {lr: 0.002}}"));
        assertEquals(2, labels.code(), labels.out());
        assertTrue(labels.err().contains("axis `ablation`: value 2 is named 'small' like value 1") && labels.err().contains("g.yaml:"), labels.err());
        // The same once made safe for a folder name: "a b" and "a-b" are one folder name.
        Tiny.Result folders = validate(Tiny.RING.replace("  loss: [gan, lsgan-pearson]",
                "  loss: [gan]\n  ablation:\n    - {label: a b, optimizer: {lr: 0.001}}\n    - {label: a-b, optimizer: {lr: 0.002}}"));
        assertEquals(2, folders.code());
        Tiny.Result repeated = validate(Tiny.RING.replace("  loss: [gan, lsgan-pearson]", "  loss: [gan, gan]"));
        assertEquals(2, repeated.code());
        assertTrue(repeated.err().contains("value 2 is named 'gan'"), repeated.err());
    }

    @Test
    void labelsNeverMakeHiddenOrOptionLikeFolders() throws Exception {
        Tiny.Result r = validate(Tiny.RING.replace("  loss: [gan, lsgan-pearson]",
                "  ablation:\n    - {label: .hidden, loss: gan}\n    - {label: '--rf', loss: lsgan-pearson}\n    - {label: '...', loss: lsgan-binary}"));
        assertEquals(0, r.code(), r.err());
        for (String line : r.out().lines().filter(l -> l.contains("seed 1")).toList()) {
            String id = line.trim().split("\\s+")[0];
            assertFalse(id.startsWith(".") || id.startsWith("-"), id);
        }
        assertTrue(r.out().contains("hidden_s1-") && r.out().contains("rf_s1-") && r.out().contains(" _s1-"), r.out());
    }
}
