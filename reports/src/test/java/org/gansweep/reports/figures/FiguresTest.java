package org.gansweep.reports.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.core.train.TrialStatus;
import org.gansweep.reports.Drawing;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.Legend;
import org.gansweep.reports.MetricInfo;
import org.gansweep.reports.Palette;
import org.gansweep.reports.StoredExperiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures' colours, names, titles, targets and shapes on the hand-stored ring experiment (gan, lsgan-pearson). */
class FiguresTest {
    @TempDir
    Path tmp;
    ExperimentResults results;

    @BeforeEach
    void store() throws Exception {
        Path dir = StoredExperiment.store(tmp, Map.of("gan_s1", 6.0, "gan_s2", 8.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 3.0),
                Map.of("lsgan-pearson_s2", TrialStatus.diverged));
        results = StoredExperiment.load(dir);
    }

    @Test
    void aLossHasTheColourOfItsSettingInTheLossFunctionsFigureToo() {
        Legend legend = Legend.of(results);
        assertEquals(0, legend.index("loss=gan"));
        assertEquals(1, legend.index("loss=lsgan-pearson"));
        // PRESETS: gan, lsgan-binary, lsgan-pearson. Pearson was drawn in palette colour 2 whatever the grid; now it takes
        // its setting's colour 1, and lsgan-binary, which no setting trains with, the first colour no setting has.
        assertEquals(List.of("gan", "lsgan-binary", "lsgan-pearson"), LossFunctionsFigure.PRESETS);
        assertArrayEquals(new int[] {0, 2, 1}, LossFunctionsFigure.colours(legend));
        assertEquals(Palette.series(1), legend.colour("loss=lsgan-pearson"));
    }

    @Test
    void legendsNameTheLossInWordsBesideItsPreset() {
        Legend legend = Legend.of(results);
        assertEquals("GAN (sigmoid cross-entropy), gan", legend.name("loss=gan"));
        assertEquals("LSGAN (a=-1, b=1, c=0), lsgan-pearson", legend.name("loss=lsgan-pearson"));
        // The loss-functions figure names the presets the way the losses describe themselves.
        assertEquals(legend.name("loss=lsgan-pearson"), LossFunctionsFigure.NAMES.get(2));
        assertEquals(legend.name("loss=gan"), LossFunctionsFigure.NAMES.get(0));
    }

    @Test
    void curvesAreTitledInWordsWithTheirDirectionAndAimAtTheirTarget() {
        assertEquals("modes covered (of 8), higher is better", MetricInfo.title("modes_covered", results));
        assertEquals("KL divergence of the mode histogram, lower is better", MetricInfo.title("kl_divergence", results));
        assertEquals("discriminator loss", MetricInfo.title("d_loss", results));
        assertEquals(new MetricInfo.Target(8, "all 8 modes"), MetricInfo.target("modes_covered", results).orElseThrow());
        assertTrue(MetricInfo.target("kl_divergence", results).isEmpty());
        assertEquals("modes_covered ↑", MetricInfo.header("modes_covered"));
        assertEquals("g_loss", MetricInfo.header("g_loss"));
    }

    @Test
    void theBandRunsFromTheLowestToTheHighestSeed() {
        // lsgan-pearson: modes 1 and 1 at step 0, 8 and 3 at step 20 (the diverged seed logged it before diverging).
        List<Curves.Point> p = Curves.points(results.bySetting().get("loss=lsgan-pearson"), "modes_covered");
        assertEquals(List.of(new Curves.Point(0, 2, 1, 1, 1), new Curves.Point(20, 2, 5.5, 3, 8)), p);
    }

    @Test
    void densityPanelsAreSquareAndThereIsOneDrawingPerSeed() {
        Drawing d = new DensityFigure().draw(results).orElseThrow();
        assertEquals(List.of("seed-2"), List.copyOf(d.pages().keySet()));
        BufferedImage img = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        d.painter().accept(g);
        g.dispose();
        // Through the first panel, just inside its top-left corner: the run of coloured (non-grey) density pixels is
        // as long across as down. A chart that fits its plot to what its axes leave would not be.
        int x0 = DensityPainter.LABEL + DensityPainter.TICKS + 3;
        int y0 = DensityPainter.TITLE + 3;
        int across = 0;
        while (coloured(img.getRGB(x0 + across, y0))) {
            across++;
        }
        int down = 0;
        while (coloured(img.getRGB(x0, y0 + down))) {
            down++;
        }
        assertTrue(across > DensityPainter.PANEL - 10, "the panel is " + across + " wide");
        assertEquals(across, down, "a square panel");
    }

    private static boolean coloured(int rgb) {
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        return !(r == g && g == b);
    }

    @Test
    void imageFiguresListTheSampleFilesTheyShow() throws Exception {
        Path dir = StoredExperiment.store(tmp.resolve("images"), Map.of("gan_s1", 6.0, "gan_s2", 8.0, "lsgan-pearson_s1", 8.0,
                "lsgan-pearson_s2", 3.0), Map.of(), true);
        ExperimentResults withImages = StoredExperiment.load(dir);
        String gan1 = withImages.bySetting().get("loss=gan").get(0).trial().id();
        String pearson1 = withImages.bySetting().get("loss=lsgan-pearson").get(0).trial().id();
        // One row per setting, its lowest seed, the one saved step.
        assertEquals("row,column,setting,seed,step,file\n"
                + "1,1,loss=gan,1,20,trials/" + gan1 + "/samples/step_000020.png\n"
                + "2,1,loss=lsgan-pearson,1,20,trials/" + pearson1 + "/samples/step_000020.png\n",
                new SampleStepsFigure().draw(withImages).orElseThrow().data());
        assertEquals("row,column,setting,seed,status,step,file\n"
                + "gan,final samples,loss=gan,1,completed,20,trials/" + gan1 + "/samples/step_000020.png\n"
                + "lsgan-pearson,final samples,loss=lsgan-pearson,1,completed,20,trials/" + pearson1 + "/samples/step_000020.png\n",
                new SampleMatrixFigure().draw(withImages).orElseThrow().data());
    }

    @Test
    void densityTicksAreRoundNumbers() {
        assertEquals(1, DensityPainter.tickStep(2.6));
        assertEquals(0.5, DensityPainter.tickStep(1.2));
        assertEquals(5, DensityPainter.tickStep(12));
    }
}
