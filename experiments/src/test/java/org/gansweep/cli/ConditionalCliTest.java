package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.core.config.Yaml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-conditional experiment (the paper's Figure 8) end to end on characters rendered from the installed fonts. */
class ConditionalCliTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void needsFonts() {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"))
                || Files.exists(Path.of("/usr/share/fonts/truetype/arphic/uming.ttc")), "no AR PL font installed (.ci/run installs them)");
        System.setProperty("gansweep.cache", tmp.resolve("cache").toString());
    }

    static final String GRID = """
            name: hanzi-tiny
            seeds: [1]
            base:
              dataset: {type: font-hanzi, count: 4, size: 16, perClass: 20}
              model:
                type: lsgan-conditional
                noiseDim: 8
                labelDim: 4
                generator: {filters: 4}
                discriminator: {filters: [4, 8], hidden: 16}
              training: {steps: 6, batchSize: 8, evalEvery: 3, evalSamples: 70, logEvery: 3}
              metrics: [{type: conditional-accuracy, epochs: 1}]
            axes:
              loss: [gan, lsgan-binary]
            """;

    @Test
    void conditionalSweepRecordsAccuracyLabelsAndTheFigureEightPage() throws Exception {
        Path grid = Tiny.write(tmp, "hanzi.yaml", GRID);
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, r.code(), r.err() + r.out());
        List<Path> trials;
        try (Stream<Path> s = Files.list(out.resolve("hanzi-tiny/trials"))) {
            trials = s.sorted().toList();
        }
        assertEquals(2, trials.size());
        for (Path t : trials) {
            JsonNode summary = Yaml.json().readTree(t.resolve("summary.json").toFile());
            assertEquals("completed", summary.get("status").asText(), summary.toString());
            double acc = summary.get("metrics").get("conditional_accuracy").asDouble();
            assertTrue(acc >= 0 && acc <= 1, summary.toString());
            assertTrue(summary.get("metrics").has("real_conditional_accuracy"), summary.toString());
            // Rows of the grid ask for classes 0,0,1,1,2,2,3,3 (r * 4 / 8), named by their characters.
            List<String> labels = Files.readAllLines(t.resolve("samples/grid_labels.csv"), StandardCharsets.UTF_8);
            assertEquals(65, labels.size());
            assertEquals("tile,label,name", labels.get(0));
            assertEquals("0,0,啊", labels.get(1));
            assertEquals("16,1,阿", labels.get(17));
            assertEquals("63,3,挨", labels.get(64));
            for (String step : new String[] {"000000", "000003", "000006"}) {
                assertTrue(Files.size(t.resolve("samples/step_" + step + ".png")) > 100, t + " step " + step);
            }
        }
        Path figures = out.resolve("hanzi-tiny/report/figures");
        assertTrue(Files.size(figures.resolve("class-samples.png")) > 1000);
        assertTrue(Files.size(figures.resolve("sample-steps.png")) > 1000);
        String html = Files.readString(out.resolve("hanzi-tiny/report/index.html"));
        assertTrue(html.contains("Figure 8"), "the report shows the Figure 8 layout");

        // The same config and seed give the same numbers, labels included.
        Path again = tmp.resolve("again");
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", again.toString(), "--workers", "1").code());
        for (Path t : trials) {
            Path twin = again.resolve("hanzi-tiny/trials").resolve(t.getFileName());
            assertEquals(Files.readString(t.resolve("metrics.csv")), Files.readString(twin.resolve("metrics.csv")));
        }
    }

    @Test
    void conditionalPartsNeedLabelsAndAConditionalModel() throws Exception {
        Path ring = Tiny.write(tmp, "ring.yaml", """
                name: bad
                base:
                  dataset: gaussian-ring
                  model: lsgan-conditional
                  loss: lsgan-binary
                """);
        Tiny.Result r = Tiny.cli("validate", ring.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("ring.yaml:4:"), r.err());
        assertTrue(r.err().contains("is class-conditional and needs a dataset with class labels; dataset `gaussian-ring` has none"), r.err());

        Path dcgan = Tiny.write(tmp, "dcgan.yaml", """
                name: bad
                base:
                  dataset: {type: font-hanzi, count: 4, size: 32}
                  model: dcgan
                  loss: lsgan-binary
                  metrics: [conditional-accuracy]
                """);
        r = Tiny.cli("validate", dcgan.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("dcgan.yaml:6:"), r.err());
        assertTrue(r.err().contains("metric `conditional-accuracy` needs a class-conditional model (lsgan-conditional), not `dcgan`"), r.err());
    }

    /** Labels come from the same seeded stream as the images: a resumed conditional trial is byte-identical. */
    @Test
    void aConditionalTrialResumesFromItsCheckpointWithIdenticalResults() throws Exception {
        org.gansweep.core.config.Trial t = Tiny.loader().parse(GRID, "hanzi.yaml",
                List.of("training.steps=12", "training.checkpointEvery=4", "training.evalEvery=4")).trials().get(0);
        var runner = new org.gansweep.core.sweep.TrialRunner(Main.injector().getInstance(org.gansweep.core.plugin.PluginCatalog.class));
        Path whole = Files.createDirectories(tmp.resolve("whole"));
        assertEquals("completed", runner.run(t, whole, new org.gansweep.core.train.TrainingListener() {}).status().name());
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        var crashed = runner.run(t, broken, new org.gansweep.core.train.TrainingListener() {
            @Override
            public void onStep(int step) {
                if (step == 10) {
                    throw new IllegalStateException("simulated crash at step 10");
                }
            }
        });
        assertEquals("failed", crashed.status().name());
        assertEquals("completed", runner.run(t, broken, new org.gansweep.core.train.TrainingListener() {}).status().name());
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(broken.resolve("metrics.csv")));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(whole.resolve("samples/step_000012.png")),
                Files.readAllBytes(broken.resolve("samples/step_000012.png"))), "the last sample grid is the same");
    }
}
