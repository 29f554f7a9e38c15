package org.gansweep.reports;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gansweep.core.CoreModule;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialProvenance;
import org.gansweep.core.train.TrialStatus;
import org.gansweep.datasets.DatasetsModule;
import org.gansweep.losses.LossesModule;
import org.gansweep.models.ModelsModule;

/**
 * A small ring experiment stored by hand (no training) for the report's tests: two losses, seeds 1 and 2, with
 * metrics.csv rows and summaries whose values the tests choose, so every number in the report can be worked out.
 */
public final class StoredExperiment {
    public static final String GRID = """
            name: stored
            description: a stored ring experiment for report tests
            seeds: [1, 2]
            base:
              dataset: {type: gaussian-ring, modes: 8, radius: 2.0, std: 0.02}
              model: {type: mlp, noiseDim: 4, generator: {hidden: [8]}, discriminator: {hidden: [8]}}
              training: {steps: 20, batchSize: 8, evalEvery: 10, evalSamples: 16}
              metrics: [mode-coverage]
            axes:
              loss: [gan, lsgan-pearson]
            paperSteps: 35000
            authors:
              source: "xudonmao/LSGAN mixture_gaussian/ls.py"
              settings:
                - {setting: batch, here: 8, authors: 512, why: "a test"}
                - {setting: radius, here: 2, authors: 2}
            claims:
              - claim: "LSGAN covers more modes than the regular GAN"
                metric: modes_covered
                better: higher
                axis: loss
                compare: [lsgan-pearson, gan]
              - claim: "LSGAN reaches all 8 modes more often"
                metric: modes_covered
                better: higher
                axis: loss
                compare: [lsgan-pearson, gan]
                success: 8
            """;

    public static final Injector INJECTOR = Guice.createInjector(new CoreModule(), new LossesModule(), new ModelsModule(),
            new DatasetsModule(), new ReportsModule());

    private StoredExperiment() {}

    public static ExperimentResults load(Path dir) throws IOException {
        return ExperimentResults.load(dir, INJECTOR.getInstance(PluginCatalog.class));
    }

    /** Writes the experiment: per trial its config, metrics.csv, one sample file and a summary with these values. */
    public static Path store(Path tmp, Map<String, Double> modes, Map<String, TrialStatus> status) throws Exception {
        return store(tmp, modes, status, false);
    }

    /** With {@code images}, each trial also saved an (8 x 8, black) sample grid at step 20, for the image figures. */
    public static Path store(Path tmp, Map<String, Double> modes, Map<String, TrialStatus> status, boolean images) throws Exception {
        ExperimentGrid grid = new GridLoader(INJECTOR.getInstance(PluginCatalog.class)).parse(GRID, "grid.yaml", List.of());
        Path dir = tmp.resolve("stored");
        Files.createDirectories(dir.resolve("trials"));
        Files.writeString(dir.resolve("grid.yaml"), GRID);
        for (Trial t : grid.trials()) {
            TrialFolder f = new TrialFolder(dir.resolve("trials").resolve(t.id()));
            f.writeConfig(t);
            Files.writeString(f.metrics(), "step,d_loss,g_loss,modes_covered,high_quality_fraction,kl_divergence\n"
                    + "0,,,1,0.5,2.0\n10,1.2,0.8,,,\n20,1.0,0.9," + modes.get(t.label()) + ",0.9,0.1\n");
            Files.createDirectories(f.samples());
            StringBuilder pts = new StringBuilder("x,y\n");
            // Seed 1 spreads its points round the ring; seed 2 has collapsed onto the mode at (2, 0), denser than any
            // other panel, so one colour scale for all seeds must come from seed 2's page.
            for (int i = 0; i < 16; i++) {
                double a = t.seed() == 1 ? 2 * Math.PI * i / 16 : 0;
                pts.append(2 * Math.cos(a)).append(',').append(2 * Math.sin(a)).append('\n');
            }
            Files.writeString(f.samples().resolve("step_000020.csv"), pts.toString());
            if (images) {
                ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", f.samples().resolve("step_000020.png").toFile());
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("d_loss", 1.0);
            metrics.put("g_loss", t.label().startsWith("gan") ? 0.5 : 0.25);
            metrics.put("modes_covered", modes.get(t.label()));
            TrialStatus st = status.getOrDefault(t.label(), TrialStatus.completed);
            f.writeSummary(new Summary(t.id(), st, metrics, t.seed(), 20, 1.5, st == TrialStatus.diverged ? 17 : null, null,
                    t.setting(), t.hash(), provenance(t.seed()), null));
        }
        return dir;
    }

    /** A provenance with what the report shows; seed 2 as if made on another machine: the report says the paths differ. */
    private static TrialProvenance provenance(long seed) throws IOException {
        return Yaml.json().readValue("""
                {"git_commit": "abc123", "djl_version": "0.35.1", "engine": "PyTorch", "engine_version": "2.7.1",
                 "cpu_model": "Test CPU (avx2)", "intra_op_threads": "1", "cpu_code_paths": {"MKL_CBWR": "AVX2,STRICT"},
                 "numerics": {"path": "%s"}}""".formatted(seed == 2 ? "avx2/onednn" : "avx512/onednn"), TrialProvenance.class);
    }
}
