package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image sweeps end to end: sample grids per evaluation, the Figure 6 matrix, located data errors. */
class ImagesCliTest {
    @TempDir
    Path tmp;

    /** A Fashion-MNIST-shaped folder of 64 striped 28x28 images, written here. */
    private Path fakeFashion() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fashion"));
        int n = 64;
        ByteBuffer img = ByteBuffer.allocate(16 + n * 784).putInt(2051).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                img.put((byte) (((p / 28 + i) % 4 == 0) ? 255 : 0));
            }
        }
        ByteBuffer lab = ByteBuffer.allocate(8 + n).putInt(2049).putInt(n);
        Files.write(dir.resolve("train-images-idx3-ubyte"), img.array());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), lab.array());
        return dir;
    }

    private String ablationGrid(Path data) {
        return """
                name: ablation
                seeds: [1]
                base:
                  dataset: {type: fashion-mnist, path: %s}
                  model: {type: dcgan, noiseDim: 8, filters: 4}
                  training: {steps: 6, batchSize: 8, evalEvery: 3, evalSamples: 16, logEvery: 3}
                axes:
                  loss: [gan, lsgan-binary]
                  ablation:
                    - {label: no BN in G (Adam), model.generator.batchNorm: false, optimizer: {type: adam}}
                    - {label: no BN (RMSProp), model.generator.batchNorm: false, model.discriminator.batchNorm: false, optimizer: rmsprop}
                """.formatted(data);
    }

    @Test
    void ablationGridWritesSampleGridsAndTheFigureSixMatrix() throws Exception {
        Path grid = Tiny.write(tmp, "ablation.yaml", ablationGrid(fakeFashion()));
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("4 trials, 4 run now"), r.out());
        try (Stream<Path> trials = Files.list(out.resolve("ablation/trials"))) {
            for (Path t : trials.toList()) {
                for (String step : new String[] {"000000", "000003", "000006"}) {
                    Path png = t.resolve("samples/step_" + step + ".png");
                    assertTrue(Files.exists(png), png.toString());
                    var image = javax.imageio.ImageIO.read(png.toFile());
                    assertEquals(8 * 30 + 2, image.getWidth()); // 8 columns of 28 px with 2 px gaps
                    assertEquals(2 * 30 + 2, image.getHeight()); // 16 samples: 2 rows
                }
            }
        }
        Path figures = out.resolve("ablation/report/figures");
        assertTrue(Files.size(figures.resolve("sample-matrix.png")) > 1000);
        String html = Files.readString(out.resolve("ablation/report/index.html"));
        assertTrue(html.contains("figures/sample-matrix.png"), html);
        assertTrue(html.contains("ablation=no BN (RMSProp)"), html);
    }

    @Test
    void aMissingDataFolderIsALocatedErrorThatSaysHowToGetTheData() throws Exception {
        Path grid = Tiny.write(tmp, "ablation.yaml", ablationGrid(tmp.resolve("no-such-folder")));
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("runs").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(grid + ":4:"), r.err());
        assertTrue(r.err().contains("no-such-folder does not exist or is not a folder; install Debian's package (apt-get install dataset-fashion-mnist)"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    /** The real Fashion-MNIST from Debian's dataset-fashion-mnist (CI installs it); skipped where it is absent. */
    @Test
    void realFashionMnistTrainsEndToEnd() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")),
                "dataset-fashion-mnist is not installed");
        Path grid = Path.of("fashion-mlp.yaml").toAbsolutePath();
        Path out = tmp.resolve("runs");
        Tiny.Result r = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1",
                "--set", "training.steps=20", "--set", "training.evalEvery=10", "--set", "seeds=[1]");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("3 trials, 3 run now, 0 already finished: 3 completed"), r.out());
        assertTrue(Files.exists(out.resolve("fashion-mlp/report/figures/sample-matrix.png")));
    }
}
