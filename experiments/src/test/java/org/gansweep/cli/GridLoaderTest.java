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
        ExperimentGrid g = Grids.load(Tiny.loader(), null, List.of());
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

    /** The options added for the authors' settings, and trial ids that do not move for grids without them. */
    @Test
    void perNetworkOptimisersUpdatesInitNoiseAndReductionResolve(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        // A grid without the new options keeps the ids it had before they existed.
        assertEquals("gan_s1-ec8cc0fa", Grids.load(Tiny.loader(), null, List.of()).trials().get(0).id());
        String grid = Tiny.RING.replace("optimizer: {type: adam, lr: 0.001}",
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
        assertEquals(org.gansweep.core.config.ModelOptions.Noise.uniform, split.config().modelOptions().noise());
        // A worker reads the trial back from its config.yaml: the same trial, the same hash.
        for (Trial t : g.trials()) {
            var folder = new org.gansweep.core.store.TrialFolder(tmp.resolve(t.id()));
            folder.writeConfig(t);
            Trial back = folder.readTrial(Tiny.loader());
            assertEquals(t.hash(), back.hash(), java.nio.file.Files.readString(folder.config()));
            assertEquals(t.config(), back.config());
        }
        // Defaults stay out of the resolved config.
        Trial plain = parse(Tiny.RING).trials().get(0);
        assertTrue(plain.resolved().at("/training/updates").isMissingNode());
        assertTrue(plain.resolved().at("/model/init").isMissingNode());
        assertTrue(plain.resolved().at("/loss/reduction").isMissingNode());
        // Located errors.
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Tiny.RING.replace("training: {steps: 30,",
                "training: {updates: simultaneous, dSteps: 2, steps: 30,")));
        assertTrue(e.errors().get(0).contains("`training.dSteps` must be 1 with `updates: simultaneous`"), e.errors().toString());
        e = assertThrows(ConfigException.class, () -> parse(Tiny.RING.replace("model:\n", "model:\n    init: {type: orthogonal, std: 2}\n")));
        assertTrue(e.errors().get(0).contains("`model.init.std` belongs to `type: normal` only"), e.errors().toString());
        e = assertThrows(ConfigException.class, () -> parse(Tiny.RING.replace("model:\n", "model:\n    noise: gaussian\n")));
        assertTrue(e.errors().get(0).contains("`model.noise` must be `normal`"), e.errors().toString());
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
        // An override of an axis's path collapses the axis and renames what ran.
        ExperimentGrid one = parse(Tiny.RING, "loss=lsgan-binary");
        assertEquals(1, one.trials().size());
        assertEquals("loss=lsgan-binary", one.trials().get(0).settingName());
        assertTrue(one.trials().get(0).id().startsWith("lsgan-binary_s1-"), one.trials().get(0).id());
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
        assertEquals("optimizer=lr=0.01", g.trials().get(0).settingName());
        assertTrue(g.trials().get(0).id().startsWith("lr0.01_s1-"), g.trials().get(0).id());
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
            new Bad("name: x\nbase: {loss: gan\n", "g.yaml:3:1", "YAML syntax error: while parsing a flow mapping; expected ',' or '}'"),
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
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [mode-coverage, mode-coverage]\n", "g.yaml:6:28", "metric `mode-coverage` is listed twice"),
            new Bad("name: x\nbase: 5\n", "g.yaml:2:7", "`base` must be a mapping"),
            new Bad("name: 3\nbase: {}\n", "g.yaml:1:7", "`name` must be a string"),
            new Bad("name: x\nseeds: 0\nbase: {}\n", "g.yaml:2:8", "`seeds` as a count must be between 1 and 1000"),
            new Bad("name: x\nseeds: []\nbase: {}\n", "g.yaml:2:8", "`seeds` must be a count or a non-empty list"),
            new Bad("name: x\nseeds: [-1]\nbase: {}\n", "g.yaml:2:9", "a seed must be an integer from 0 to 9223372036854775807, got the number -1"),
            new Bad("name: x\nseeds: [a]\nbase: {}\n", "g.yaml:2:9", "a seed must be an integer from 0 to 9223372036854775807, got the string 'a'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes: [loss]\n", "g.yaml:6:7", "`axes` must be a mapping"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  loss: gan\n", "g.yaml:7:9", "axis `loss` must be a list of values"),
            new Bad("name: x\nbase:\n  dataset: gaussian-rng\n  model: mlp\n  loss: gan\n", "g.yaml:3:12", "unknown dataset `gaussian-rng` (did you mean `gaussian-ring`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mpl\n  loss: gan\n", "g.yaml:4:10", "unknown architecture `mpl` (did you mean `mlp`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: adma\n", "g.yaml:6:14", "unknown optimizer `adma` (did you mean `adam`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [modes]\n", "g.yaml:6:13", "unknown metric `modes`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: mode-coverage\n", "g.yaml:6:12", "`metrics` must be a list"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {a: 1}\n", "g.yaml:5:9", "`loss` needs `type`"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: 5\n", "g.yaml:5:9", "`loss` must be a type name or a mapping with `type`, got the number 5"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss:\n", "g.yaml:5:", "`loss` must be a type name or a mapping with `type`, got an empty value"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: 5\n", "g.yaml:6:13", "`training` must be a mapping"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {step: 5}\n", "g.yaml:6:14", "unknown field `step` in `training` (did you mean `steps`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {batchSize: -1}\n", "g.yaml:6:25", "`training.batchSize` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {evalEvery: 0}\n", "g.yaml:6:25", "`training.evalEvery` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {dSteps: two}\n", "g.yaml:6:22", "`training.dSteps` must be an integer, got the string 'two'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  training: {checkpointEvery: -5}\n", "g.yaml:6:31", "`training.checkpointEvery` must be 0 (no checkpoints)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: {type: adam, lr: -0.1}\n", "g.yaml:6:31", "`optimizer.lr` must be a positive number"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: {type: adam, beta1: 1.0}\n", "g.yaml:6:34", "`optimizer.beta1` must be in [0, 1)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: {type: rmsprop, rho: 2.0}\n", "g.yaml:6:35", "`optimizer.rho` must be in [0, 1)"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-ring, modes: 0}\n  model: mlp\n  loss: gan\n", "g.yaml:3:41", "`dataset.modes` must be between 1 and 1000"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-ring, std: 0.0}\n  model: mlp\n  loss: gan\n", "g.yaml:3:39", "`dataset.std` must be a positive number"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-grid, side: 50}\n  model: mlp\n  loss: gan\n", "g.yaml:3:40", "`dataset.side` must be between 1 and 30"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, generator: {hidden: []}}\n  loss: gan\n", "g.yaml:4:", "`model.generator.hidden` needs at least one hidden layer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, generator: {hidden: [0]}}\n  loss: gan\n", "g.yaml:4:43", "`model.generator.hidden.0` layer widths must be between 1 and 65536"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, discriminator: {activation: sigmoid}}\n  loss: gan\n", "g.yaml:4:50", "`model.discriminator.activation` must be one of relu, leaky-relu, tanh"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, generator: {batchNorm: maybe}}\n  loss: gan\n", "g.yaml:4:", "`model.generator.batchNorm` must be true or false"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: lsgan, a: x}\n", "g.yaml:5:26", "`loss.a` must be a number, got the string 'x'"),
            new Bad("name: x\nbase:\n  datset: gaussian-ring\n  model: mlp\n  loss: gan\n", "g.yaml:3:3", "unknown section `datset` (did you mean `dataset`?)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [{type: mode-coverage, threshold: -1.0}]\n", "g.yaml:6:46", "`metrics[0].threshold` must be a positive number"),
            new Bad("name: x\n\tbase: {}\n", "g.yaml:2:1", "YAML syntax error: while scanning for the next token; found character '\\t(TAB)'"),
            new Bad("name: \"x\nbase: {}\n", "g.yaml:", "YAML syntax error"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: gan, generator: [minimax]}\n", "g.yaml:5:32", "`loss.generator` must be one of non-saturating, minimax, got a list"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\naxes:\n  loss: [{type: lsgan, a: 0.0, b: 0.0}]\n", "g.yaml:6:", "must differ from a"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  loss: lsgan\n", "g.yaml:6:", "Duplicate field 'loss'"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\naxes:\n  training.batchSize: [32, -2]\n", "g.yaml:7:", "`training.batchSize` must be a positive integer"));

    @Test
    void everyBrokenGridIsLocatedAndExplained() {
        StringBuilder wrong = new StringBuilder();
        for (Bad bad : BAD) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(bad.yaml()), bad.yaml());
            String first = e.errors().get(0);
            boolean located = first.matches("g\\.yaml:\\d+:\\d+: .*") && first.startsWith(bad.where());
            if (!located || !first.contains(bad.says())) {
                wrong.append("\nexpected ").append(bad.where()).append(" '").append(bad.says()).append("'\n     got ").append(first);
            }
        }
        assertEquals("", wrong.toString());
    }

    /** The whole corpus through the command line: exit 2, a located first line, never a stack trace. */
    @Test
    void theCommandLineRejectsEveryBrokenGridWithExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        assertTrue(BAD.size() >= 50, "the corpus has " + BAD.size() + " grids");
        for (int i = 0; i < BAD.size(); i++) {
            java.nio.file.Path f = Tiny.write(tmp, "bad" + i + ".yaml", BAD.get(i).yaml());
            Tiny.Result r = Tiny.cli("validate", f.toString());
            assertEquals(2, r.code(), BAD.get(i).yaml());
            assertTrue(r.err().startsWith(f + ":"), r.err());
            assertTrue(r.err().lines().findFirst().orElseThrow().matches(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: .+"), r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        }
        // Files that cannot be read as grids.
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("a-folder.yaml"));
        Tiny.Result folder = Tiny.cli("validate", dir.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().startsWith(dir + ":1:1: this is a folder, not a grid file"), folder.err());
        java.nio.file.Path binary = tmp.resolve("binary.yaml");
        java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        Tiny.Result bin = Tiny.cli("validate", binary.toString());
        assertEquals(2, bin.code());
        assertTrue(bin.err().startsWith(binary + ":1:1: the grid is not UTF-8 text"), bin.err());
    }

    /** Every grid shipped in experiments/ is valid, but for data that is not on this machine. */
    @Test
    void shippedGridsAreValid() throws Exception {
        List<java.nio.file.Path> grids;
        try (var s = java.nio.file.Files.list(java.nio.file.Path.of("."))) {
            grids = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(grids.size() >= 6, grids.toString());
        for (java.nio.file.Path g : grids) {
            try {
                assertTrue(Tiny.loader().load(g, List.of()).trials().size() > 0);
            } catch (ConfigException e) {
                for (String err : e.errors()) {
                    assertTrue(err.contains("`dataset.path`"), g + ": " + err);
                }
            }
        }
    }

    @Test
    void badOverridesNameTheArgument() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(Tiny.RING, "training.steps=abc"));
        assertTrue(e.errors().get(0).startsWith("--set training.steps=abc: "), e.errors().get(0));
        e = assertThrows(ConfigException.class, () -> parse(Tiny.RING, "nonsense"));
        assertTrue(e.errors().get(0).contains("expected path=value"), e.errors().get(0));
    }
}
