package org.gansweep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gansweep.core.store.TrialFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid loader itself, with {@link FakePlugins}: expansion, overrides, resolved configs, reading a trial
 * back, and located errors. What needs the shipped plug-ins (their defaults, checks and the trial ids they
 * give) is tested in experiments' PluginGridsTest.
 */
class GridLoaderTest {
    private static final GridLoader LOADER = FakePlugins.loader();

    private static ExperimentGrid parse(String text, String... sets) throws ConfigException {
        return LOADER.parse(text, "g.yaml", List.of(sets));
    }

    /** The options added for the authors' settings: per-network optimisers, updates, init, noise, reduction. */
    @Test
    void perNetworkOptimisersUpdatesInitNoiseAndReductionResolve(@TempDir Path tmp) throws Exception {
        String grid = GridCorpus.RING.replace("optimizer: {type: adam, lr: 0.001}",
                "optimizer: {type: adam, lr: 0.001, beta1: 0.5, discriminator: {lr: 0.0001}}\n  loss: {type: lsgan-binary, reduction: sum}")
                .replace("model:\n", "model:\n    init: {type: orthogonal, gain: 1.4}\n    noise: uniform\n")
                .replace("training: {steps: 30,", "training: {updates: simultaneous, steps: 30,")
                .replace("axes:\n  loss: [gan, lsgan-pearson]", "axes:\n  optimizer.discriminator.lr: [0.0001, 0.001]");
        ExperimentGrid g = parse(grid);
        assertEquals(2, g.trials().size());
        Trial split = g.trials().get(0);
        assertEquals("0.001", split.resolved().at("/optimizer/generator/lr").asText());
        assertEquals("1.0E-4", split.resolved().at("/optimizer/discriminator/lr").asText());
        assertEquals(0.5, split.resolved().at("/optimizer/discriminator/beta1").asDouble());
        assertEquals("adam", split.config().discriminatorOptimizer().type());
        // Both the same: the single form, as if no split was written.
        Trial same = g.trials().get(1);
        assertEquals("adam", same.resolved().at("/optimizer/type").asText());
        assertEquals(same.config().generatorOptimizer(), same.config().discriminatorOptimizer());
        assertEquals("simultaneous", split.resolved().at("/training/updates").asText());
        assertEquals("orthogonal", split.resolved().at("/model/init/type").asText());
        assertEquals(1.4, split.resolved().at("/model/init/gain").asDouble());
        assertEquals("uniform", split.resolved().at("/model/noise").asText());
        assertEquals("sum", split.resolved().at("/loss/reduction").asText());
        assertEquals(ModelOptions.Noise.uniform, split.config().modelOptions().noise());
        // A worker reads the trial back from its config.yaml: the same trial, the same hash.
        for (Trial t : g.trials()) {
            var folder = new TrialFolder(tmp.resolve(t.id()));
            folder.writeConfig(t);
            Trial back = folder.readTrial(LOADER);
            assertEquals(t.hash(), back.hash(), Files.readString(folder.config()));
            assertEquals(t.config(), back.config());
        }
        // Defaults stay out of the resolved config.
        Trial plain = parse(GridCorpus.RING).trials().get(0);
        assertTrue(plain.resolved().at("/training/updates").isMissingNode());
        assertTrue(plain.resolved().at("/model/init").isMissingNode());
        assertTrue(plain.resolved().at("/loss/reduction").isMissingNode());
        // Located errors.
        ConfigException e = assertThrows(ConfigException.class, () -> parse(GridCorpus.RING.replace("training: {steps: 30,",
                "training: {updates: simultaneous, dSteps: 2, steps: 30,")));
        assertTrue(e.errors().get(0).contains("`training.dSteps` must be 1 with `updates: simultaneous`"), e.errors().toString());
        e = assertThrows(ConfigException.class, () -> parse(GridCorpus.RING.replace("model:\n", "model:\n    init: {type: orthogonal, std: 2}\n")));
        assertTrue(e.errors().get(0).contains("`model.init.std` belongs to `type: normal` only"), e.errors().toString());
        e = assertThrows(ConfigException.class, () -> parse(GridCorpus.RING.replace("model:\n", "model:\n    noise: gaussian\n")));
        assertTrue(e.errors().get(0).contains("`model.noise` must be `normal`"), e.errors().toString());
    }

    /** The bound record, every default filled in, is what config.yaml says; a section keeps the name it was given. */
    @Test
    void resolvedConfigsCarryEveryDefaultAndPresetsStayNamed() throws Exception {
        ExperimentGrid g = parse(GridCorpus.RING);
        Trial lsgan = g.trials().get(1);
        assertEquals("lsgan-pearson", lsgan.resolved().at("/loss/type").asText());
        assertEquals(-1.0, lsgan.resolved().at("/loss/a").asDouble());
        assertEquals(0.999, lsgan.resolved().at("/optimizer/beta2").asDouble());
        assertEquals(1, lsgan.resolved().at("/training/dSteps").asInt());
        assertEquals("gan", g.trials().get(0).resolved().at("/loss/type").asText());
    }

    @Test
    void setOverridesEveryTrialAndChangesTheHash() throws Exception {
        ExperimentGrid plain = parse(GridCorpus.RING);
        ExperimentGrid longer = parse(GridCorpus.RING, "training.steps=200", "seeds=[4, 5]");
        assertEquals(4, longer.trials().size());
        assertTrue(longer.trials().stream().allMatch(t -> t.config().training().steps() == 200));
        assertEquals(Set.of(4L, 5L), longer.trials().stream().map(Trial::seed).collect(Collectors.toSet()));
        assertNotEquals(plain.trials().get(0).hash(), parse(GridCorpus.RING, "training.steps=200").trials().get(0).hash());
        // An override of an axis's path collapses the axis and renames what ran.
        ExperimentGrid one = parse(GridCorpus.RING, "loss=lsgan-binary");
        assertEquals(1, one.trials().size());
        assertEquals("loss=lsgan-binary", one.trials().get(0).settingName());
        assertTrue(one.trials().get(0).id().startsWith("lsgan-binary_s1-"), one.trials().get(0).id());
        // A section given by name over a dotted axis inside it names the plug-in (not "type=").
        String typed = GridCorpus.RING.replace("  loss: [gan, lsgan-pearson]", "  loss.type: [gan, lsgan-pearson]");
        ExperimentGrid byName = parse(typed, "loss=lsgan-binary");
        assertEquals(1, byName.trials().size());
        assertEquals("loss.type=lsgan-binary", byName.trials().get(0).settingName());
        assertTrue(byName.trials().get(0).id().startsWith("lsgan-binary_s1-"), byName.trials().get(0).id());
        // The same grid gives the same ids.
        assertEquals(plain.trials().get(0).id(), parse(GridCorpus.RING).trials().get(0).id());
    }

    @Test
    void axisMappingWithoutTypeMergesIntoTheBase() throws Exception {
        String text = GridCorpus.RING.replace("  loss: [gan, lsgan-pearson]", "  optimizer: [{lr: 0.01}, {type: rmsprop, lr: 0.002}]")
                .replace("  optimizer: {type: adam, lr: 0.001}", "  optimizer: {type: adam, lr: 0.001, beta1: 0.9}\n  loss: {type: lsgan, a: 0, b: 1, c: 1}");
        ExperimentGrid g = parse(text);
        assertEquals(2, g.trials().size());
        assertEquals("adam", g.trials().get(0).resolved().at("/optimizer/type").asText());
        assertEquals(0.9, g.trials().get(0).resolved().at("/optimizer/beta1").asDouble());
        assertEquals(0.01, g.trials().get(0).resolved().at("/optimizer/lr").asDouble());
        assertEquals("rmsprop", g.trials().get(1).resolved().at("/optimizer/type").asText());
        assertEquals("optimizer=lr=0.01", g.trials().get(0).settingName());
        assertTrue(g.trials().get(0).id().startsWith("lr0.01_s1-"), g.trials().get(0).id());
        assertTrue(g.trials().get(0).config().loss().params() instanceof FakePlugins.MeanGapLoss.Params);
    }

    @Test
    void trialConfigRoundTripsThroughItsResolvedYaml(@TempDir Path dir) throws Exception {
        Trial t = parse(GridCorpus.RING).trials().get(1);
        Files.writeString(dir.resolve("config.yaml"), Yaml.yaml().writeValueAsString(t.resolved()));
        Trial back = LOADER.loadTrial(dir.resolve("config.yaml"));
        assertEquals(t.hash(), back.hash());
        assertEquals(t.config().training(), back.config().training());
    }

    /** A config.yaml written by hand: bound as it stands, the label of a trial without axes, every default filled in. */
    @Test
    void aStoredConfigLoadsAsTheOneTrialItIs(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                # gansweep trial x (config hash y)
                seed: 7
                dataset: {type: gaussian-ring, modes: 4}
                model: {type: mlp}
                loss: {type: lsgan, reduction: sum}
                training: {steps: 12}
                metrics: [{type: mode-coverage}]
                """);
        Trial t = LOADER.loadTrial(config);
        assertEquals("s7", t.label());
        assertEquals(7L, t.seed());
        assertTrue(t.setting().isEmpty());
        assertEquals(t.label() + "-" + t.hash().substring(0, 8), t.id());
        assertEquals(new FakePlugins.Points.Params(4, 2.0, 0.02, null), t.config().dataset().params());
        assertEquals(12, t.config().training().steps());
        assertEquals("sum", t.resolved().at("/loss/reduction").asText());
        assertEquals("adam", t.config().generatorOptimizer().type());
        // Resolving it again changes nothing: what the sweep would write back is what it read.
        Files.writeString(config, Yaml.yaml().writeValueAsString(t.resolved()));
        assertEquals(t.hash(), LOADER.loadTrial(config).hash());
        // The same trial from a grid has the same hash.
        String grid = "name: g\nseeds: [7]\nbase:\n  dataset: {type: gaussian-ring, modes: 4}\n  model: mlp\n"
                + "  loss: {type: lsgan, reduction: sum}\n  training: {steps: 12}\n  metrics: [mode-coverage]\n";
        assertEquals(t.hash(), parse(grid).trials().get(0).hash());
    }

    @Test
    void aStoredConfigsErrorsPointAtItsOwnLines(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "seed: 1\ndataset: gaussian-ring\nmodel: mlp\nloss: gan\ntraining: {steps: 0}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.loadTrial(config));
        assertEquals(List.of(config + ":5:19: `training.steps` must be a positive integer, got 0"), e.errors());
        Files.writeString(config, "seed: -2\ndataset: gaussian-ring\nmodel: mlp\nloss: gan\n");
        e = assertThrows(ConfigException.class, () -> LOADER.loadTrial(config));
        assertEquals(List.of(config + ":1:7: a seed must be an integer from 0 to " + Long.MAX_VALUE + ", got the number -2"), e.errors());
        Files.writeString(config, "dataset: gaussian-ring\n");
        e = assertThrows(ConfigException.class, () -> LOADER.loadTrial(config));
        assertEquals(List.of(config + ":1:1: not a gansweep trial config (no `seed`)"), e.errors());
    }

    @Test
    void everyBrokenGridIsLocatedAndExplained() {
        assertEquals("", GridCorpus.misreported(LOADER, GridCorpus.BROKEN));
    }

    @Test
    void badOverridesNameTheArgument() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(GridCorpus.RING, "training.steps=abc"));
        assertTrue(e.errors().get(0).startsWith("--set training.steps=abc: "), e.errors().get(0));
        e = assertThrows(ConfigException.class, () -> parse(GridCorpus.RING, "nonsense"));
        assertTrue(e.errors().get(0).contains("expected path=value"), e.errors().get(0));
    }
}
