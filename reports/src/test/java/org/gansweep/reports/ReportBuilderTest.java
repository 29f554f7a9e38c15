package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gansweep.core.train.TrialStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small experiment stored by hand (no training, {@link StoredExperiment}): its tables against values
 * computed here, the golden tables byte for byte, every link of the page, and the data written beside each figure.
 */
class ReportBuilderTest {
    @TempDir
    Path tmp;

    /** gan: modes 6 and 8; lsgan-pearson: 8, and 3 in a seed that diverged at step 17. */
    private Path stored() throws Exception {
        return StoredExperiment.store(tmp, Map.of("gan_s1", 6.0, "gan_s2", 8.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 3.0),
                Map.of("lsgan-pearson_s2", TrialStatus.diverged));
    }

    private static ReportBuilder.Report build(Path dir) throws Exception {
        return StoredExperiment.INJECTOR.getInstance(ReportBuilder.class).build(dir);
    }

    @Test
    void theSummaryTablesAreTheGoldenOnesAndCountDivergedSeedsWithoutAveragingThem() throws Exception {
        Path dir = stored();
        ExperimentResults results = StoredExperiment.load(dir);
        assertEquals(4, results.trials().size());
        assertTrue(results.damaged().isEmpty(), results.damaged().toString());
        // gan: modes 6 and 8 -> mean 7, sample std sqrt(2); lsgan-pearson: the diverged seed is counted, not averaged:
        // one value, no std. The losses are a table of their own: g_loss 0.5 twice -> std 0.
        String golden = """
                setting,seeds,completed,diverged,failed,modes_covered_mean,modes_covered_std
                loss=gan,2,2,0,0,7.0,1.4142135623730951
                loss=lsgan-pearson,2,1,1,0,8.0,
                """;
        String goldenLosses = """
                setting,seeds,completed,diverged,failed,d_loss_mean,d_loss_std,g_loss_mean,g_loss_std
                loss=gan,2,2,0,0,1.0,0.0,0.5,0.0
                loss=lsgan-pearson,2,1,1,0,1.0,,0.25,
                """;
        assertEquals(golden, SummaryTable.quality(results).csv());
        assertEquals(goldenLosses, SummaryTable.losses(results).csv());

        ReportBuilder.Report report = build(dir);
        assertTrue(report.damaged().isEmpty());
        assertEquals(golden, Files.readString(dir.resolve("report/tables/summary.csv")));
        assertEquals(goldenLosses, Files.readString(dir.resolve("report/tables/losses.csv")));
        String html = Files.readString(report.index());
        // 3 significant digits of the std (1.41421 -> 1.41), the mean to the same place (7 -> 7.00); one value: 3 digits.
        String results1 = html.substring(html.indexOf("<h2>Results</h2>"), html.indexOf("<h3>Training losses</h3>"));
        assertTrue(results1.contains("<th>modes_covered ↑</th></tr>"), results1);
        assertTrue(results1.contains("<td>2 (2 / 0 / 0)</td><td>7.00 ± 1.41</td>"), results1);
        assertTrue(results1.contains("<td>2 (1 / 1 / 0)</td><td>8.00</td>"), results1);
        assertFalse(results1.contains("d_loss"), "the losses are kept apart from the quality metrics: " + results1);
        String losses = html.substring(html.indexOf("<h3>Training losses</h3>"));
        // Losses have no direction: no mark. 1.0 ± 0.0 -> "1.00 ± 0"; 0.5 ± 0 -> "0.500 ± 0"; 0.25 alone -> "0.250".
        assertTrue(losses.contains("<th>d_loss</th><th>g_loss</th></tr>"), losses);
        assertTrue(losses.contains("<td>1.00 ± 0</td><td>0.500 ± 0</td>"), losses);
        assertTrue(losses.contains("<td>1.00</td><td>0.250</td>"), losses);
        assertEquals("| loss=gan | 2 (2 / 0 / 0) | 7.00 ± 1.41 |", Files.readString(dir.resolve("report/tables/summary.md")).lines().toList().get(2));
        assertTrue(Files.readString(dir.resolve("report/tables/summary.md")).startsWith("| setting | seeds (completed / diverged / failed) | modes_covered ↑ |\n"));
        // Each setting with its colour and its loss in words.
        assertTrue(results1.contains("<span class=\"swatch\" style=\"background:#d62728\"></span>loss=lsgan-pearson<br><small>"
                + "LSGAN (a=-1, b=1, c=0), lsgan-pearson</small>"), results1);
        assertTrue(html.contains("Code abc123; DJL 0.35.1, PyTorch 2.7.1; Test CPU (avx2), 1 thread(s) per trial; trials made on"
                + " different code paths: avx2/onednn ("), html);
        assertTrue(html.matches("(?s).*avx512/onednn \\(\\d+ trials?\\); their numbers round differently.*No --set overrides\\..*"), html);
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
    }

    /** Every href of a page (or Markdown link target), resolved from the folder the page sits in. */
    private static List<Path> targets(Path page, Pattern link) throws Exception {
        List<Path> out = new ArrayList<>();
        Matcher m = link.matcher(Files.readString(page));
        while (m.find()) {
            out.add(page.getParent().resolve(URI.create(m.group(1)).getPath()).normalize());
        }
        return out;
    }

    @Test
    void everyTrialRowLinksItsFilesAndEveryLinkOfThePageLeadsToAFile() throws Exception {
        Path dir = stored();
        Path index = build(dir).index();
        List<Path> html = targets(index, Pattern.compile("href=\"([^\"]+)\""));
        List<Path> md = targets(dir.resolve("report/tables/trials.md"), Pattern.compile("\\]\\(([^)]+)\\)"));
        for (Path target : html) {
            assertTrue(Files.exists(target), "index.html links " + target + ", which does not exist");
        }
        for (Path target : md) {
            assertTrue(Files.exists(target), "trials.md links " + target + ", which does not exist");
        }
        for (TrialResult t : StoredExperiment.load(dir).trials()) {
            for (String f : List.of("config.yaml", "metrics.csv", "samples", "summary.json")) {
                Path file = t.dir().resolve(f).normalize();
                assertTrue(html.contains(file), "index.html links " + file);
                assertTrue(md.contains(file), "trials.md links " + file);
            }
            assertTrue(Files.readString(index).contains("<a href=\"../trials/" + t.trial().id() + "/config.yaml\">config.yaml</a>"));
        }
        assertTrue(Files.readString(dir.resolve("report/tables/trials.csv")).lines().skip(1).allMatch(l -> l.matches(".*,trials/[^,/]+$")));
    }

    @Test
    void eachFigureLinksTheCsvOfExactlyWhatItDraws() throws Exception {
        Path dir = stored();
        String html = Files.readString(build(dir).index());
        Path figures = dir.resolve("report/figures");
        for (String fig : List.of("density", "density-seed-2", "metric-curves", "loss-curves", "loss-functions")) {
            assertTrue(Files.size(figures.resolve(fig + ".png")) > 1000, fig + " was drawn");
            assertTrue(html.contains("<a href=\"figures/" + fig + ".csv\">data (CSV)</a>"), fig + " links its data");
            assertTrue(Files.size(figures.resolve(fig + ".csv")) > 0, fig);
        }
        // The curves: the mean over both seeds and the band from the lowest to the highest, at each logged step.
        // modes_covered at step 20: gan 6 and 8 -> 7, [6, 8]; lsgan-pearson 8 and 3 (its diverged seed logged it) -> 5.5, [3, 8].
        String metrics = Files.readString(figures.resolve("metric-curves.csv"));
        assertTrue(metrics.startsWith("metric,setting,legend,step,seeds,mean,min,max\n"), metrics);
        assertTrue(metrics.contains("\nmodes_covered,loss=gan,\"GAN (sigmoid cross-entropy), gan\",20,2,7.0,6.0,8.0\n"), metrics);
        assertTrue(metrics.contains("\nmodes_covered,loss=lsgan-pearson,\"LSGAN (a=-1, b=1, c=0), lsgan-pearson\",20,2,5.5,3.0,8.0\n"), metrics);
        assertTrue(metrics.contains("\nmodes_covered,loss=gan,\"GAN (sigmoid cross-entropy), gan\",0,2,1.0,1.0,1.0\n"), metrics);
        // The target line: the grid's ring has 8 modes.
        assertTrue(metrics.contains("\nmodes_covered,target,all 8 modes,,,8.0,,\n"), metrics);
        assertEquals(3 * 2 * 2 + 1, metrics.lines().count() - 1, "3 metrics x 2 settings x 2 evaluated steps, and the target: " + metrics);
        String losses = Files.readString(figures.resolve("loss-curves.csv"));
        assertTrue(losses.contains("\nd_loss,loss=gan,\"GAN (sigmoid cross-entropy), gan\",10,2,1.2,1.2,1.2\n"), losses);
        assertTrue(losses.contains("\ng_loss,loss=lsgan-pearson,\"LSGAN (a=-1, b=1, c=0), lsgan-pearson\",20,2,0.9,0.9,0.9\n"), losses);
        // The loss functions: at x = 0, softplus(0) = ln 2, sigmoid(0) = 1/2, (0-1)^2/2 = 1/2, |0-1| = 1, 0, 0.
        String functions = Files.readString(figures.resolve("loss-functions.csv"));
        String[] atZero = functions.lines().filter(l -> l.startsWith("0.0,")).findFirst().orElseThrow().split(",");
        double[] expected = {0, Math.log(2), 0.5, 0.5, 1, 0, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Double.parseDouble(atZero[i]), 1e-15, functions.lines().findFirst().orElseThrow().split(",")[i]);
        }
        // The density: one drawing per seed, each listing the sample files it drew, all on one colour scale.
        List<String[]> panels = new ArrayList<>();
        for (String page : List.of("density", "density-seed-2")) {
            String csv = Files.readString(figures.resolve(page + ".csv"));
            assertTrue(csv.startsWith("seed,setting,legend,column,step,source,points,bandwidth,extent,cells,panel_max,colour_scale_max\n"), csv);
            csv.lines().skip(1).forEach(l -> panels.add(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")));
        }
        assertEquals(2 * 2 * 2, panels.size(), "per seed: 2 settings x (1 snapshot + the real density)");
        for (TrialResult t : StoredExperiment.load(dir).trials()) {
            String file = "trials/" + t.trial().id() + "/samples/step_000020.csv";
            assertTrue(panels.stream().anyMatch(p -> p[0].equals(Long.toString(t.trial().seed())) && p[5].equals(file) && p[6].equals("16")),
                    file + " is listed with its seed and 16 points");
        }
        // Seed 2 collapsed: 16 points on (2, 0), a kernel of h = 0.052 (extent 2.6, 120 cells of 5.2 / 120). The densest cell
        // is the one whose centre is nearest, (-2.6 + 106.5 cell, -2.6 + 59.5 cell): 1 / (2 pi h^2) exp(-r^2 / 2h^2) = 51.77.
        double scale = panels.stream().mapToDouble(p -> Double.parseDouble(p[10])).max().orElseThrow();
        assertEquals(2, panels.stream().filter(p -> p[0].equals("2") && Double.parseDouble(p[10]) == scale).count(), "seed 2 is densest");
        double h = 0.052;
        double cell = 5.2 / 120;
        double dx = 2 - (-2.6 + 106.5 * cell);
        double dy = -2.6 + 59.5 * cell;
        assertEquals(Math.exp(-(dx * dx + dy * dy) / (2 * h * h)) / (2 * Math.PI * h * h), scale, 1e-6, "the collapsed panel's peak");
        assertTrue(panels.stream().allMatch(p -> Double.parseDouble(p[11]) == scale), "one colour scale: the densest panel of any seed");
        assertTrue(html.contains("<a href=\"figures/density-seed-2.png\">PNG</a>"), html);
    }

    @Test
    void aTrialWhoseMetricsChangedIsListedAndLeftOut() throws Exception {
        Path dir = StoredExperiment.store(tmp, Map.of("gan_s1", 6.0, "gan_s2", 8.0, "lsgan-pearson_s1", 8.0, "lsgan-pearson_s2", 8.0), Map.of());
        Path altered;
        try (var s = Files.list(dir.resolve("trials"))) {
            altered = s.sorted().findFirst().orElseThrow();
        }
        Files.writeString(altered.resolve("metrics.csv"), Files.readString(altered.resolve("metrics.csv")).replace("1.2", "1.3"));
        ReportBuilder.Report report = StoredExperiment.INJECTOR.getInstance(ReportBuilder.class).build(dir);
        assertEquals(1, report.damaged().size(), report.damaged().toString());
        assertTrue(report.damaged().get(0).startsWith(altered.getFileName() + ": metrics.csv changed"), report.damaged().toString());
        assertTrue(Files.readString(dir.resolve("report/tables/summary.csv")).contains("loss=gan,1,1,0,0,8.0,"));
    }
}
