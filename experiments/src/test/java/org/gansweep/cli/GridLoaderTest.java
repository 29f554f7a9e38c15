package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.losses.LeastSquaresLoss;
import org.junit.jupiter.api.Test;

class GridLoaderTest {
    private static ExperimentGrid parse(String text, String... sets) throws ConfigException {
        return Tiny.loader().parse(text, "g.yaml", List.of(sets));
    }

    @Test
    void defaultExperimentIsThreeLossesTimesThreeSeeds() throws Exception {
        ExperimentGrid g = Grids.load(null, List.of());
        assertEquals("ring", g.name());
        assertEquals(9, g.trials().size());
        Set<String> settings = g.trials().stream().map(Trial::settingName).collect(Collectors.toSet());
        assertEquals(Set.of("loss=gan", "loss=lsgan-pearson", "loss=lsgan-binary"), settings);
        assertEquals(9, g.trials().stream().map(Trial::id).distinct().count());
        Trial first = g.trials().get(0);
        assertTrue(first.id().matches("gan_s1-[0-9a-f]{8}"), first.id());
        assertEquals(512, first.config().training().batchSize());
        assertEquals(256, first.resolved().at("/model/noiseDim").asInt());
    }

    @Test
    void resolvedConfigsCarryEveryDefaultAndPresetsStayNamed() throws Exception {
        ExperimentGrid g = parse(Tiny.RING);
        Trial lsgan = g.trials().get(1);
        assertEquals("lsgan-pearson", lsgan.resolved().at("/loss/type").asText());
        assertEquals(0.999, lsgan.resolved().at("/optimizer/beta2").asDouble());
        assertEquals(2500 > 0, lsgan.resolved().at("/training/dSteps").asInt() == 1);
        assertEquals("non-saturating", g.trials().get(0).resolved().at("/loss/generator").asText());
    }

    @Test
    void setOverridesEveryTrialAndChangesTheHash() throws Exception {
        ExperimentGrid plain = parse(Tiny.RING);
        ExperimentGrid longer = parse(Tiny.RING, "training.steps=200", "seeds=[4, 5]");
        assertEquals(4, longer.trials().size());
        assertTrue(longer.trials().stream().allMatch(t -> t.config().training().steps() == 200));
        assertEquals(Set.of(4L, 5L), longer.trials().stream().map(Trial::seed).collect(Collectors.toSet()));
        assertNotEquals(plain.trials().get(0).hash(), parse(Tiny.RING, "training.steps=200").trials().get(0).hash());
        // The same grid gives the same ids.
        assertEquals(plain.trials().get(0).id(), parse(Tiny.RING).trials().get(0).id());
    }

    @Test
    void axisMappingWithoutTypeMergesIntoTheBase() throws Exception {
        String text = Tiny.RING.replace("  loss: [gan, lsgan-pearson]", "  optimizer: [{lr: 0.01}, {type: rmsprop, lr: 0.002}]")
                .replace("  optimizer: {type: adam, lr: 0.001}", "  optimizer: {type: adam, lr: 0.001, beta1: 0.9}\n  loss: {type: lsgan, a: 0, b: 1, c: 1}");
        ExperimentGrid g = parse(text);
        assertEquals(2, g.trials().size());
        assertEquals("adam", g.trials().get(0).resolved().at("/optimizer/type").asText());
        assertEquals(0.9, g.trials().get(0).resolved().at("/optimizer/beta1").asDouble());
        assertEquals(0.01, g.trials().get(0).resolved().at("/optimizer/lr").asDouble());
        assertEquals("rmsprop", g.trials().get(1).resolved().at("/optimizer/type").asText());
        assertEquals("optimizer=lr0.01", g.trials().get(0).settingName());
        assertTrue(g.trials().get(0).config().loss().params() instanceof LeastSquaresLoss.Params);
    }

    @Test
    void trialConfigRoundTripsThroughItsResolvedYaml() throws Exception {
        Trial t = parse(Tiny.RING).trials().get(1);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("trial");
        java.nio.file.Files.writeString(dir.resolve("config.yaml"), org.gansweep.core.config.Yaml.yaml().writeValueAsString(t.resolved()));
        Trial back = Tiny.loader().loadTrial(dir.resolve("config.yaml"));
        assertEquals(t.hash(), back.hash());
        assertEquals(t.config().training(), back.config().training());
    }

    /** A broken grid, where its error must point, and what the message must say. */
    record Bad(String yaml, String where, String says) {}

    static final List<Bad> BAD = List.of(
            new Bad("", "g.yaml:1:1", "the grid is empty"),
            new Bad("name: x\nbase: {loss: gan\n", "g.yaml:2:17", "YAML syntax error: while parsing a flow mapping; expected ',' or '}'"),
            new Bad("- a\n- b\n", "g.yaml:1:1", "a grid is a mapping"),
            new Bad("name: x\nbase: {}\nseeds: [1]\nbogus: 3\n", "g.yaml:4:1", "unknown field `bogus`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: lsgn\n", "g.yaml:5:9", "unknown loss `lsgn` (did you mean `lsgan`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: lsgan, a: 1, b: 1}\n", "g.yaml:5:32", "must differ from a"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {steps: ten}\n", "g.yaml:6:21", "`training.steps` must be an integer, got the string 'ten'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {steps: 0}\n", "g.yaml:6:21", "`training.steps` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {batchSize: 2.5}\n", "g.yaml:6:25", "must be an integer"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-ring, mode: 3}\n  model: mlp\n  loss: gan\n", "g.yaml:3:34", "unknown field `mode` in `dataset` (did you mean `modes`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  loss: []\n", "g.yaml:7:9", "axis `loss` is empty"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\naxes:\n  loss: [gan, gan]\n", "g.yaml:5:1", "have the same resolved config"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n", "g.yaml:3:3", "missing section `loss`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, noiseDim: -4}\n  loss: gan\n", "g.yaml:4:32", "`model.noiseDim` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  los: [gan]\n", "g.yaml:7:3", "axis `los` must be a dotted path"),
            new Bad("name: 'bad name'\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n", "g.yaml:1:7", "`name` must be"),
            new Bad("name: x\nseeds: [1, 1]\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n", "g.yaml:2:12", "seed 1 is listed twice"),
            new Bad("name: x\nname: y\nbase: {}\n", "g.yaml:2", "Duplicate field 'name'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: gan, generator: maximin}\n", "g.yaml:5:32", "`loss.generator` must be one of non-saturating, minimax"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [mode-coverage, mode-coverage]\n", "g.yaml:6:28", "metric `mode-coverage` is listed twice"));

    @Test
    void everyBrokenGridIsLocatedAndExplained() {
        StringBuilder wrong = new StringBuilder();
        for (Bad bad : BAD) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(bad.yaml()), bad.yaml());
            String first = e.errors().get(0);
            if (!first.startsWith(bad.where() + (bad.where().split(":").length == 3 ? ":" : "")) || !first.contains(bad.says())) {
                wrong.append("\nexpected ").append(bad.where()).append(" '").append(bad.says()).append("'\n     got ").append(first);
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test
    void badOverridesNameTheArgument() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Tiny.RING, "training.steps=abc"));
        assertTrue(e.errors().get(0).startsWith("--set training.steps=abc: "), e.errors().get(0));
        e = assertThrows(ConfigException.class, () -> parse(Tiny.RING, "nonsense"));
        assertTrue(e.errors().get(0).contains("expected path=value"), e.errors().get(0));
    }
}
