package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridCorpus;
import org.gansweep.core.config.GridCorpus.Bad;
import org.gansweep.core.config.Trial;
import org.gansweep.losses.LeastSquaresLoss;
import org.junit.jupiter.api.Test;

/**
 * Grids with the shipped plug-ins: the default experiment and every shipped grid, trial ids that must not
 * move, the plug-ins' defaults and their checks as located errors, and every broken grid through the command
 * line. The loader itself is tested in core (GridLoaderTest, with fake plug-ins).
 */
class PluginGridsTest {
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

    /** Options added for the authors' settings stay out of the config of grids without them: ids do not move. */
    @Test
    void gridsWithoutTheAuthorsOptionsKeepTheirIds() throws Exception {
        assertEquals("gan_s1-ec8cc0fa", Grids.load(Tiny.loader(), null, List.of()).trials().get(0).id());
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
    void anAxisMappingMergedIntoTheBaseBindsThePluginsParams() throws Exception {
        String text = Tiny.RING.replace("  loss: [gan, lsgan-pearson]", "  optimizer: [{lr: 0.01}, {type: rmsprop, lr: 0.002}]")
                .replace("  optimizer: {type: adam, lr: 0.001}", "  optimizer: {type: adam, lr: 0.001, beta1: 0.9}\n  loss: {type: lsgan, a: 0, b: 1, c: 1}");
        assertTrue(parse(text).trials().get(0).config().loss().params() instanceof LeastSquaresLoss.Params);
    }

    /** Broken grids whose first error is a shipped plug-in's own check or parameter type (core's are in GridCorpus). */
    static final List<Bad> PLUGINS = List.of(
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: lsgan, a: 1, b: 1}\n", "g.yaml:5:32", "must differ from a"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, noiseDim: -4}\n  loss: gan\n", "g.yaml:4:32", "`model.noiseDim` must be a positive integer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: gan, generator: maximin}\n", "g.yaml:5:32", "`loss.generator` must be one of non-saturating, minimax"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: {type: adam, lr: -0.1}\n", "g.yaml:6:31", "`optimizer.lr` must be a positive number"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: {type: adam, beta1: 1.0}\n", "g.yaml:6:34", "`optimizer.beta1` must be in [0, 1)"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  optimizer: {type: rmsprop, rho: 2.0}\n", "g.yaml:6:35", "`optimizer.rho` must be in [0, 1)"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-ring, modes: 0}\n  model: mlp\n  loss: gan\n", "g.yaml:3:41", "`dataset.modes` must be between 1 and 1000"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-ring, std: 0.0}\n  model: mlp\n  loss: gan\n", "g.yaml:3:39", "`dataset.std` must be a positive number"),
            new Bad("name: x\nbase:\n  dataset: {type: gaussian-grid, side: 50}\n  model: mlp\n  loss: gan\n", "g.yaml:3:40", "`dataset.side` must be between 1 and 30"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, generator: {hidden: []}}\n  loss: gan\n", "g.yaml:4:", "`model.generator.hidden` needs at least one hidden layer"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, generator: {hidden: [0]}}\n  loss: gan\n", "g.yaml:4:43", "`model.generator.hidden.0` layer widths must be between 1 and 65536"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: {type: mlp, discriminator: {activation: sigmoid}}\n  loss: gan\n", "g.yaml:4:50", "`model.discriminator.activation` must be one of relu, leaky-relu, tanh"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: gan\n  metrics: [{type: mode-coverage, threshold: -1.0}]\n", "g.yaml:6:46", "`metrics[0].threshold` must be a positive number"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\n  loss: {type: gan, generator: [minimax]}\n", "g.yaml:5:32", "`loss.generator` must be one of non-saturating, minimax, got a list"),
            new Bad("name: x\nbase:\n  dataset: gaussian-ring\n  model: mlp\naxes:\n  loss: [{type: lsgan, a: 0.0, b: 0.0}]\n", "g.yaml:6:", "must differ from a"));

    @Test
    void everyPluginErrorIsLocatedAndExplained() {
        assertEquals("", GridCorpus.misreported(Tiny.loader(), PLUGINS));
    }

    /** The whole corpus, core's and the plug-ins', through the command line: exit 2, a located first line, never a stack trace. */
    @Test
    void theCommandLineRejectsEveryBrokenGridWithExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        List<Bad> all = new ArrayList<>(GridCorpus.BROKEN);
        all.addAll(PLUGINS);
        assertTrue(all.size() >= 50, "the corpus has " + all.size() + " grids");
        for (int i = 0; i < all.size(); i++) {
            java.nio.file.Path f = Tiny.write(tmp, "bad" + i + ".yaml", all.get(i).yaml());
            Tiny.Result r = Tiny.cli("validate", f.toString());
            assertEquals(2, r.code(), all.get(i).yaml());
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
}
