package org.gansweep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code seeds: {sequential: ...}}: the plan, its looks, and each mistake located with what to write. */
class SequentialSeedsTest {
    private static final GridLoader LOADER = FakePlugins.loader().ignoringClaims();

    private static final String CLAIM = """
            claims:
              - {claim: "a beats b", metric: modes_covered, better: higher, axis: loss, compare: [lsgan-pearson, gan]}
            """;

    private static String grid(String seeds, String claims) {
        return GridCorpus.RING.replace("seeds: [1]\n", "seeds: " + seeds + "\n" + claims);
    }

    @Test
    void aPlanRunsSeedsOneToMaxAndLooksAfterEachRound() throws Exception {
        ExperimentGrid g = LOADER.parse(grid("{sequential: {first: 5, step: 5, max: 17}}", CLAIM), "g.yaml", List.of());
        assertEquals(new SequentialSeeds(5, 5, 17), g.sequential());
        assertEquals(List.of(5, 10, 15, 17), g.sequential().looks());
        assertEquals(2 * 17, g.trials().size(), "trials for every seed of the budget: ids do not depend on the round");
        assertEquals(17L, g.trials().stream().mapToLong(Trial::seed).max().orElseThrow());
        assertEquals(10 / 17.0, g.sequential().informationFractions()[1], 1e-12);
        // A fixed seed list given on the command line turns the rounds off.
        assertNull(LOADER.parse(grid("{sequential: {first: 5, step: 5, max: 17}}", CLAIM), "g.yaml", List.of("seeds=[1,2]")).sequential());
        assertNull(LOADER.parse(grid("3", CLAIM), "g.yaml", List.of()).sequential());
    }

    @Test
    void mistakesAreLocatedWithWhatToWrite() {
        String[][] cases = {
            {"{sequential: {first: 2, step: 5, max: 40}}", CLAIM, "g.yaml:3:", "`seeds.sequential.first` must be between 3 and 1000"},
            {"{sequential: {first: 5, step: 0, max: 40}}", CLAIM, "g.yaml:3:", "`seeds.sequential.step` must be between 1 and 1000"},
            {"{sequential: {first: 5, step: 5, max: 4}}", CLAIM, "g.yaml:3:", "`seeds.sequential.max` must be between `first` (5) and 1000"},
            {"{sequential: {first: 5, stp: 5, max: 40}}", CLAIM, "g.yaml:3:", "unknown field `stp` in `seeds.sequential` (did you mean `step`?)"},
            {"{sequential: {first: five, step: 5, max: 40}}", CLAIM, "g.yaml:3:", "`seeds.sequential.first` must be an integer, got the string 'five'"},
            {"{sequentiel: {first: 5, step: 5, max: 40}}", CLAIM, "g.yaml:3:", "unknown field `sequentiel` in `seeds`"},
            {"{sequential: {first: 5, step: 5, max: 40}}", "", "g.yaml:3:", "this grid has no `claims`"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse(grid(c[0], c[1]), "g.yaml", List.of()), c[0]);
            String first = e.errors().get(0);
            assertTrue(first.startsWith(c[2]) && first.contains(c[3]), c[0] + " -> " + first);
        }
    }

    @Test
    void aMarginGoesWithTwoGroupsValues() {
        String bad = CLAIM.replace("compare: [lsgan-pearson, gan]}", "compare: [lsgan-pearson, gan], margin: -1}");
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse(grid("3", bad), "g.yaml", List.of()));
        assertTrue(e.errors().get(0).contains("`margin` must be a positive number"), e.errors().get(0));
        String good = CLAIM.replace("compare: [lsgan-pearson, gan]}", "compare: [lsgan-pearson, gan], margin: 0.5}");
        assertEquals(0.5, assertDoesNotThrowGrid(grid("{sequential: {first: 3, step: 2, max: 7}}", good)).claims().get(0).margin());
        // With fixed seeds a margin would do nothing: refused where it is written.
        ConfigException fixed = assertThrows(ConfigException.class, () -> LOADER.parse(grid("3", good), "g.yaml", List.of()));
        assertTrue(fixed.errors().get(0).startsWith("g.yaml:5:") && fixed.errors().get(0).contains("decided with sequential seeds"), fixed.errors().get(0));
    }

    private static ExperimentGrid assertDoesNotThrowGrid(String text) {
        try {
            return LOADER.parse(text, "g.yaml", List.of());
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
