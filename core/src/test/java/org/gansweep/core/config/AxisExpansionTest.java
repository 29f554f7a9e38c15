package org.gansweep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.plugin.PluginCatalog;
import org.junit.jupiter.api.Test;

/**
 * {@link AxisExpansion} on hand-made grids with {@link FakePlugins}: which trials a template, its axes, seeds and
 * overrides make, in which order, with which labels, settings and values.
 */
class AxisExpansionTest {
    private static final PluginCatalog CATALOG = Guice.createInjector(new FakePlugins()).getInstance(PluginCatalog.class);
    private static final AxisExpansion EXPANSION = new AxisExpansion(new TrialResolution(CATALOG));

    private static final String BASE = """
            base:
              dataset: gaussian-ring
              model: {type: mlp, noiseDim: 2}
              loss: gan
              training: {steps: 10, batchSize: 8, evalEvery: 5, evalSamples: 50, logEvery: 5}
            """;

    /** The grid's trials as AxisExpansion makes them; the errors it reported are thrown. */
    private static List<Trial> expand(String axesYaml, List<Long> seeds, String... sets) throws ConfigException {
        GridFile.Parsed parsed = GridFile.parse(BASE + axesYaml, "g.yaml");
        Map<String, ArrayNode> axes = new LinkedHashMap<>();
        JsonNode a = parsed.root().path("axes");
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            axes.put(e.getKey(), (ArrayNode) e.getValue());
        }
        GridErrors errors = new GridErrors();
        List<SetArgument> overrides = new ArrayList<>();
        for (String s : sets) {
            overrides.add(SetArgument.parse(s, errors));
        }
        List<Trial> trials = EXPANSION.trials((ObjectNode) parsed.root().get("base"), axes, seeds, overrides, parsed.at(), errors);
        errors.throwIfAny();
        return trials;
    }

    private static List<String> labels(List<Trial> trials) {
        return trials.stream().map(Trial::label).toList();
    }

    @Test
    void combinationsRunLastAxisFastestAndEachCombinationsSeedsInTurn() throws Exception {
        List<Trial> trials = expand("axes:\n  loss: [gan, lsgan]\n  training.batchSize: [16, 32]\n", List.of(1L, 2L));
        assertEquals(List.of("gan_batchSize16_s1", "gan_batchSize16_s2", "gan_batchSize32_s1", "gan_batchSize32_s2",
                "lsgan_batchSize16_s1", "lsgan_batchSize16_s2", "lsgan_batchSize32_s1", "lsgan_batchSize32_s2"), labels(trials));
        Trial t = trials.get(6);
        assertEquals(Map.of("loss", "lsgan", "training.batchSize", "batchSize=32"), t.setting());
        assertEquals(1L, t.seed());
        assertEquals(32, t.config().training().batchSize());
        assertEquals("lsgan", t.config().loss().type());
        // The id is the label and the first 8 digits of the hash of the resolved config, seed included.
        assertEquals(t.label() + "-" + t.hash().substring(0, 8), t.id());
        assertEquals(ConfigHash.of(t.resolved()), t.hash());
        assertEquals(1, t.resolved().get("seed").asInt());
        assertFalse(trials.get(6).hash().equals(trials.get(7).hash()), "seeds 1 and 2 of one setting are two configs");
    }

    @Test
    void noAxesMakeOneTrialPerSeedLabelledBySeed() throws Exception {
        List<Trial> trials = expand("", List.of(3L, 7L));
        assertEquals(List.of("s3", "s7"), labels(trials));
        assertTrue(trials.get(0).setting().isEmpty());
        assertEquals("default", trials.get(0).settingName());
    }

    @Test
    void aBundleAxisSetsEachOfItsPathsAndIsNamedByItsLabel() throws Exception {
        List<Trial> trials = expand("""
                axes:
                  ablation:
                    - {label: noBN_G, model.generator.batchNorm: false}
                    - {model.discriminator.batchNorm: false, optimizer.type: rmsprop}
                """, List.of(1L));
        assertEquals(List.of("noBN_G_s1", "model.discriminator.batchNormfalse-optimizer.typermsprop_s1"), labels(trials));
        assertFalse(trials.get(0).resolved().at("/model/generator/batchNorm").asBoolean(true));
        assertTrue(trials.get(0).resolved().at("/model/discriminator/batchNorm").isMissingNode()
                || trials.get(0).resolved().at("/model/discriminator/batchNorm").isNull());
        assertEquals("adam", trials.get(0).resolved().at("/optimizer/type").asText());
        assertEquals("rmsprop", trials.get(1).resolved().at("/optimizer/type").asText());
        assertFalse(trials.get(1).resolved().at("/model/discriminator/batchNorm").asBoolean(true));
        assertEquals("noBN_G", trials.get(0).setting().get("ablation"));
    }

    @Test
    void aMappingWithoutTypeMergesIntoTheTemplatesSection() throws Exception {
        List<Trial> trials = expand("axes:\n  model: [{noiseDim: 3}, {type: mlp}]\n", List.of(1L));
        assertEquals(List.of("noiseDim3_s1", "mlp_s1"), labels(trials));
        assertEquals(3, trials.get(0).resolved().at("/model/noiseDim").asInt());
        // A value with its own type replaces the section: noiseDim falls back to the plug-in's default (4), not the template's 2.
        assertEquals(4, trials.get(1).resolved().at("/model/noiseDim").asInt());
    }

    @Test
    void anOverrideOnTopRenamesTheAxisValueItRewritesAndRunsEqualTrialsOnce() throws Exception {
        List<Trial> trials = expand("axes:\n  loss: [gan, lsgan]\n", List.of(1L), "loss=lsgan-binary");
        assertEquals(List.of("lsgan-binary_s1"), labels(trials));
        assertEquals(Map.of("loss", "lsgan-binary"), trials.get(0).setting());
        List<Trial> longer = expand("axes:\n  loss: [gan, lsgan]\n", List.of(1L), "training.steps=20");
        assertEquals(List.of("gan_s1", "lsgan_s1"), labels(longer));
        assertEquals(20, longer.get(1).config().training().steps());
    }

    @Test
    void twoAxisValuesThatResolveAlikeAreAnErrorAtTheAxes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> expand("axes:\n  model: [{noiseDim: 4}, {type: mlp}]\n", List.of(1L)));
        assertEquals(List.of("g.yaml:6:1: trials `noiseDim4_s1` and `mlp_s1` have the same resolved config: remove the duplicate axis value"),
                e.errors());
    }

    @Test
    void moreThanTheMostTrialsIsRefusedBeforeAnyIsMade() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 1000; s++) {
            seeds.add(s);
        }
        String eleven = "axes:\n  training.steps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n";
        ConfigException e = assertThrows(ConfigException.class, () -> expand(eleven, seeds));
        assertEquals(List.of("g.yaml:6:1: the grid expands to 11000 trials; at most 10000 are allowed"), e.errors());
    }

    @Test
    void anErrorInOneAxisValuePointsAtThatValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> expand("axes:\n  training.batchSize: [16, -1]\n", List.of(1L)));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).startsWith("g.yaml:7:28: `training.batchSize` must be a positive integer"), e.errors().get(0));
    }
}
