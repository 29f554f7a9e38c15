package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gansweep.core.config.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation classifier and the image scores, end to end on a small labelled data set written here. */
class ImageMetricsTest {
    @TempDir
    Path tmp;

    /** 10 classes of 28x28 images: class k is a bright horizontal band at rows 2k..2k+3, plus noise. */
    private Path bands(int train, int test) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bands"));
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? train : test;
            ByteBuffer img = ByteBuffer.allocate(16 + n * 784).putInt(2051).putInt(n).putInt(28).putInt(28);
            ByteBuffer lab = ByteBuffer.allocate(8 + n).putInt(2049).putInt(n);
            for (int i = 0; i < n; i++) {
                int k = i % 10;
                for (int p = 0; p < 784; p++) {
                    int row = p / 28;
                    int v = (row >= 2 * k + 2 && row < 2 * k + 6) ? 220 : 0;
                    img.put((byte) Math.min(255, v + r.nextInt(30)));
                }
                lab.put((byte) k);
            }
            Files.write(dir.resolve(split + "-images-idx3-ubyte"), img.array());
            Files.write(dir.resolve(split + "-labels-idx1-ubyte"), lab.array());
        }
        return dir;
    }

    @Test
    void classifierIsTrainedCachedAndScoresGeneratedAndRealImages() throws Exception {
        System.setProperty("gansweep.cache", tmp.resolve("cache").toString());
        Path data = bands(640, 200);
        String grid = """
                name: scores
                seeds: [1, 2]
                base:
                  dataset: {type: fashion-mnist, path: %s}
                  model: {type: dcgan, noiseDim: 8, filters: 4}
                  training: {steps: 4, batchSize: 16, evalEvery: 4, evalSamples: 100, logEvery: 2}
                  metrics: [{type: classifier-score, splits: 5, epochs: 3}, {type: frechet-distance, epochs: 3},
                    {type: kernel-distance, epochs: 3}, {type: precision-recall, epochs: 3}, {type: density-coverage, epochs: 3}]
                axes:
                  loss: [gan, lsgan-pearson]
                """.formatted(data);
        Path file = Tiny.write(tmp, "scores.yaml", grid);
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", file.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, r.code(), r.err() + r.out());
        try (Stream<Path> trials = Files.list(out.resolve("scores/trials"))) {
            for (Path t : trials.toList()) {
                JsonNode m = Yaml.json().readTree(t.resolve("summary.json").toFile()).get("metrics");
                // The bands are trivially separable: the classifier must learn them.
                assertTrue(m.get("classifier_test_accuracy").asDouble() > 0.9, m.toString());
                // Real images are confident and balanced over 10 classes: a score near 10 (5 splits of 40).
                assertTrue(m.get("real_classifier_score").asDouble() > 7, m.toString());
                // An untrained generator is far from the real images, two real halves are close.
                assertTrue(m.get("frechet_distance").asDouble() > m.get("real_frechet_distance").asDouble(), m.toString());
                assertTrue(m.get("classifier_score").asDouble() >= 1.0 && m.get("classifier_score").asDouble() < 10.0, m.toString());
                // The sample-based metrics: the untrained G against two sets of real images.
                assertTrue(m.get("kid").asDouble() > m.get("real_kid").asDouble() && m.get("kid_std").asDouble() >= 0, m.toString());
                for (String share : List.of("precision", "recall", "coverage", "real_precision", "real_recall", "real_coverage")) {
                    assertTrue(m.get(share).asDouble() >= 0 && m.get(share).asDouble() <= 1, share + ": " + m);
                }
                assertTrue(m.get("real_precision").asDouble() > m.get("precision").asDouble(), m.toString());
                assertTrue(m.get("real_coverage").asDouble() > m.get("coverage").asDouble(), m.toString());
                assertTrue(m.get("real_density").asDouble() > m.get("density").asDouble(), m.toString());
            }
        }
        // Trained once, cached on disk with its accuracy.
        Path classifiers = tmp.resolve("cache/classifiers");
        try (Stream<Path> c = Files.list(classifiers)) {
            Path one = c.findFirst().orElseThrow();
            assertTrue(Files.size(one.resolve("classifier.params")) > 1000);
            assertTrue(Yaml.json().readTree(one.resolve("info.json").toFile()).get("testAccuracy").asDouble() > 0.9);
        }
        String html = Files.readString(out.resolve("scores/report/index.html"));
        assertTrue(html.contains("figures/score-table.png"), html);
        String table = Files.readString(out.resolve("scores/report/tables/summary.csv"));
        assertTrue(table.contains("classifier_score_mean") && table.contains("frechet_distance_mean"), table);
        // Each new metric's declared direction reaches the table, and its reference is drawn as its target.
        String md = Files.readString(out.resolve("scores/report/tables/summary.md"));
        for (String header : List.of("kid ↓", "precision ↑", "recall ↑", "density ↑", "coverage ↑")) {
            assertTrue(md.contains(header), header + " in " + md);
        }
    }

    /** A user's TorchScript module (made by make-tiny-extractor.py, 8 outputs) replaces the classifier. */
    @Test
    void aTorchScriptExtractorCanJudgeInstead() throws Exception {
        Path data = bands(100, 100);
        Path extractor = Path.of(getClass().getResource("/tiny-extractor.pt").toURI());
        String grid = """
                name: extractor
                seeds: [1]
                base:
                  dataset: {type: fashion-mnist, path: %s}
                  model: {type: dcgan, noiseDim: 8, filters: 4}
                  loss: lsgan-binary
                  training: {steps: 2, batchSize: 16, evalEvery: 2, evalSamples: 50, logEvery: 1}
                  metrics: [{type: frechet-distance, extractor: %s}, {type: classifier-score, extractor: %s, splits: 5}]
                """.formatted(data, extractor, extractor);
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", Tiny.write(tmp, "x.yaml", grid).toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, r.code(), r.err() + r.out());
        try (Stream<Path> trials = Files.list(out.resolve("extractor/trials"))) {
            JsonNode m = Yaml.json().readTree(trials.findFirst().orElseThrow().resolve("summary.json").toFile()).get("metrics");
            assertTrue(m.get("frechet_distance").asDouble() >= 0, m.toString());
            assertTrue(m.get("real_frechet_distance").asDouble() >= 0, m.toString());
            // Softmax over the extractor's 8 outputs: a score between 1 and 8.
            assertTrue(m.get("classifier_score").asDouble() >= 1 && m.get("classifier_score").asDouble() <= 8, m.toString());
            assertTrue(!m.has("classifier_test_accuracy"), m.toString());
        }
        Tiny.Result missing = Tiny.cli("validate", Tiny.write(tmp, "y.yaml", grid.replace(extractor.toString(), tmp.resolve("nope.pt").toString())).toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("`metrics[0].extractor` names no file"), missing.err());
    }

    /** Settings the sample-based metrics cannot score with are located before anything trains. */
    @Test
    void sampleBasedMetricsRefuseWhatTheyCannotScore() throws Exception {
        Path data = bands(40, 40);
        String base = """
                name: bad
                base:
                  dataset: {type: fashion-mnist, path: %s}
                  model: {type: dcgan, noiseDim: 8, filters: 4}
                  loss: gan
                  training: {steps: 4, batchSize: 16, evalEvery: 4, evalSamples: EVAL, logEvery: 2}
                  metrics: [METRIC]
                """.formatted(data);
        String[][] cases = {
            {"3", "precision-recall", "g.yaml:7:13", "metric `precision-recall` needs at least 4 samples per evaluation, but `training.evalSamples` is 3"},
            {"5", "{type: density-coverage, k: 5}", "g.yaml:7:13", "metric `density-coverage` needs at least 6 samples"},
            {"1", "kernel-distance", "g.yaml:7:13", "metric `kernel-distance` needs at least 2 samples"},
            {"100", "{type: kernel-distance, subsets: 0}", "g.yaml:7:", "`metrics[0].subsets` must be between 1 and 1000, got 0"},
            {"100", "{type: kernel-distance, subsetSize: 1}", "g.yaml:7:", "`metrics[0].subsetSize` must be 0 (half the samples) or at least 2"},
            {"100", "{type: precision-recall, k: 0}", "g.yaml:7:", "`metrics[0].k` must be between 1 and 50, got 0"},
        };
        for (String[] c : cases) {
            Path g = Tiny.write(tmp, "g.yaml", base.replace("EVAL", c[0]).replace("METRIC", c[1]));
            Tiny.Result r = Tiny.cli("validate", g.toString());
            assertEquals(2, r.code(), c[1] + ": " + r.out() + r.err());
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]), c[1] + ": " + r.err());
        }
    }

    @Test
    void imageScoresNeedALabelledDataset() throws Exception {
        String grid = Tiny.RING.replace("metrics: [mode-coverage]", "metrics: [classifier-score]");
        Tiny.Result r = Tiny.cli("validate", Tiny.write(tmp, "ring.yaml", grid).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("metric `classifier-score` needs a labelled image dataset"), r.err());
    }
}
