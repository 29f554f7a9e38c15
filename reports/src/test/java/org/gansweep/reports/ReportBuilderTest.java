package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.CoreModule;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.train.TrialStatus;
import org.gansweep.datasets.DatasetsModule;
import org.gansweep.losses.LossesModule;
import org.gansweep.models.ModelsModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small experiment stored by hand (no training): its tables against values computed here,
 * one golden table byte for byte, and the figures it draws.
 */
class ReportBuilderTest {
    static final String GRID = """
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

    static Injector injector;
    @TempDir
    Path tmp;

    @BeforeAll
    static void plugins() {
        injector = Guice.createInjector(new CoreModule(), new LossesModule(), new ModelsModule(), new DatasetsModule(), new ReportsModule());
    }

    /** Writes the experiment: per trial its config, metrics.csv, one sample file and a summary with these values. */
    private Path store(Map<String, Double> modes, Map<String, TrialStatus> status) throws Exception {
        ExperimentGrid grid = new GridLoader(injector.getInstance(PluginCatalog.class)).parse(GRID, "grid.yaml", List.of());
        Path dir = tmp.resolve("stored");
        Files.createDirectories(dir.resolve("trials"));
        Files.writeString(dir.resolve("grid.yaml"), GRID);
        for (Trial t : grid.trials()) {
            TrialFolder f = new TrialFolder(dir.resolve("trials").resolve(t.id()));
            f.writeConfig(t);
            Files.writeString(f.metrics(), "step,d_loss,g_loss,modes_covered,high_quality_fraction,kl_divergence\n"
                    + "0,,,1,0.5,2.0\n10,1.2,0.8,,,\n20,1.0,0.9," + modes.get(t.label()) + ",0.9,0.1\n");
            Files.createDirectories(f.samples());
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                double a = 2 * Math.PI * i / 16;
                pts.append(2 * Math.cos(a)).append(',').append(2 * Math.sin(a)).append('\n');
            }
            Files.writeString(f.samples().resolve("step_000020.csv"), pts.toString());
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("d_loss", 1.0);
            metrics.put("g_loss", t.label().startsWith("gan") ? 0.5 : 0.25);
            metrics.put("modes_covered", modes.get(t.label()));
            TrialStatus st = status.getOrDefault(t.label(), TrialStatus.completed);
            f.writeSummary(new Summary(t.id(), st, metrics, t.seed(), 20, 1.5, st == TrialStatus.diverged ? 17 : null, null,
                    t.setting(), t.hash(), Map.of("git_commit", "abc123", "djl_version", "0.35.1", "engine", "PyTorch",
                            "engine_version", "2.7.1", "cpu_model", "Test CPU (avx2)", "intra_op_threads", "1",
                            "cpu_code_paths", Map.of("MKL_CBWR", "AVX2,STRICT")), null));
        }
        return dir;
    }

    @Test
    void theSummaryTableIsTheGoldenOneAndCountsDivergedSeedsWithoutAveragingThem() throws Exception {
        Path dir = store(Map.of("gan_s1", 6.0, "gan_s2", 8.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 3.0),
                Map.of("lsgan-pearson_s2", TrialStatus.diverged));
        ExperimentResults results = ExperimentResults.load(dir, injector.getInstance(PluginCatalog.class));
        assertEquals(4, results.trials().size());
        assertTrue(results.damaged().isEmpty(), results.damaged().toString());
        // gan: modes 6 and 8 -> mean 7, sample std sqrt(2); g_loss 0.5 twice -> std 0.
        // lsgan-pearson: the diverged seed is counted, not averaged: one value, no std.
        String golden = """
                setting,seeds,completed,diverged,failed,modes_covered_mean,modes_covered_std,d_loss_mean,d_loss_std,g_loss_mean,g_loss_std
                loss=gan,2,2,0,0,7.0,1.4142135623730951,1.0,0.0,0.5,0.0
                loss=lsgan-pearson,2,1,1,0,8.0,,1.0,,0.25,
                """;
        assertEquals(golden, new SummaryTable(results).csv());

        ReportBuilder.Report report = injector.getInstance(ReportBuilder.class).build(dir);
        assertTrue(report.damaged().isEmpty());
        assertEquals(golden, Files.readString(dir.resolve("report/tables/summary.csv")));
        String html = Files.readString(report.index());
        assertTrue(html.contains("7 ± 1.414"), html);
        assertTrue(html.contains("Code abc123; DJL 0.35.1, PyTorch 2.7.1; Test CPU (avx2), 1 thread(s) per trial; kernels {MKL_CBWR=AVX2,STRICT}. No --set overrides."), html);
        assertTrue(html.matches("(?s).*Report built \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC.*"), html);
        assertTrue(html.contains("diverged at step 17"), html);
        assertFalse(html.contains("class=\"damaged\""), html);
        // The claims: lsgan-pearson has one completed seed (8) and one diverged, gan 6 and 8.
        String claims = Files.readString(dir.resolve("report/tables/claims.csv"));
        assertTrue(claims.startsWith("claim,metric,groups,n,mean per group,difference,ci_low,ci_high,test,p_value,verdict\n"), claims);
        assertTrue(claims.contains("LSGAN covers more modes than the regular GAN,modes_covered,lsgan-pearson vs gan,1 / 2,8.000 / 7.000,1.000,"), claims);
        // Success: 1 of 2 (the diverged seed failed) against 1 of 2.
        assertTrue(claims.contains("modes_covered >= 8,lsgan-pearson vs gan,2 / 2,0.5000 / 0.5000,0.000,"), claims);
        assertTrue(html.contains("The paper's claims, tested over the seeds") && html.contains("too few seeds"), html);
        assertTrue(html.contains("These trials trained 20 steps; the paper's trained 35,000"), html);
        assertTrue(html.contains("Settings against the authors' code") && html.contains("<td>batch</td><td>8</td><td>512</td><td>a test</td>")
                && html.contains("<td>radius</td><td>2</td><td>2</td><td>the same</td>"), html);
        for (String fig : List.of("density", "loss-curves")) {
            Path png = dir.resolve("report/figures/" + fig + ".png");
            assertTrue(Files.size(png) > 1000, fig + " was drawn");
            assertTrue(html.contains("figures/" + fig + ".png"), html);
        }
    }

    @Test
    void aTrialWhoseMetricsChangedIsListedAndLeftOut() throws Exception {
        Path dir = store(Map.of("gan_s1", 6.0, "gan_s2", 8.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 8.0), Map.of());
        Path altered;
        try (var s = Files.list(dir.resolve("trials"))) {
            altered = s.sorted().findFirst().orElseThrow();
        }
        Files.writeString(altered.resolve("metrics.csv"), Files.readString(altered.resolve("metrics.csv")).replace("1.2", "1.3"));
        ReportBuilder.Report report = injector.getInstance(ReportBuilder.class).build(dir);
        assertEquals(1, report.damaged().size(), report.damaged().toString());
        assertTrue(report.damaged().get(0).startsWith(altered.getFileName() + ": metrics.csv changed"), report.damaged().toString());
        assertTrue(Files.readString(dir.resolve("report/tables/summary.csv")).contains("loss=gan,1,1,0,0,8.0,"));
    }
}
