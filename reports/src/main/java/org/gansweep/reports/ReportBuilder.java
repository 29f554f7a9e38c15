package org.gansweep.reports;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.AtomicFiles;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Provenance;

/**
 * Builds {@code DIR/EXPERIMENT/report/} from the stored results alone: every applicable figure as PNG and
 * SVG with the CSV of what it draws, the summary (quality metrics, then losses) and per-trial tables as CSV and
 * Markdown, and an index.html that needs no network and links each trial's own files.
 * A figure that fails to draw is named in the report; it never stops the rest.
 */
public final class ReportBuilder {
    private final PluginCatalog catalog;
    private final FigureCatalog figures;

    @Inject
    public ReportBuilder(PluginCatalog catalog, FigureCatalog figures) {
        this.catalog = catalog;
        this.figures = figures;
    }

    /** A written report: its index.html and the damaged trial folders it lists (and leaves out of its figures). */
    public record Report(Path index, List<String> damaged) {}

    /** Writes the final report from every readable trial; damaged ones are listed in a box at the top. */
    public Report build(Path experimentDir) throws IOException {
        return build(experimentDir, false);
    }

    /** The tables the report writes as CSV and Markdown, and shows on its page. */
    private record Tables(SummaryTable quality, SummaryTable losses, TrialsTable trials) {}

    /**
     * Writes the report; a {@code partial} one (built while the sweep runs) says so at the top, with how many trials
     * had finished, and stays marked if the sweep is stopped before it writes the final one.
     */
    public Report build(Path experimentDir, boolean partial) throws IOException {
        ExperimentResults results = ExperimentResults.load(experimentDir, catalog);
        Path report = experimentDir.resolve("report");
        Path figDir = report.resolve("figures");
        Path tableDir = report.resolve("tables");
        Files.createDirectories(figDir);
        Files.createDirectories(tableDir);
        List<String> problems = new ArrayList<>(results.notes());
        try {
            SequentialClaims.read(experimentDir);
        } catch (IOException e) {
            problems.add(e.getMessage() + " The claims below are tested on every seed at once, without the looks.");
        }
        Tables tables = writeTables(results, tableDir);
        // The body first: a figure that fails to draw is named among the problems at the top of the page.
        String body = resultsSection(results, tables) + figures(results, figDir, problems) + trialsSection(tables.trials());
        StringBuilder html = new StringBuilder(head(results, partial));
        html.append(intro(results, partial)).append(damagedBox(results));
        for (String p : problems) {
            html.append("<p class=\"problem\">").append(Html.escape(p)).append("</p>\n");
        }
        html.append(lengthWarning(results));
        html.append(authorsTable(results));
        List<ClaimTests.Result> claims = ClaimTests.run(results);
        if (!claims.isEmpty()) {
            AtomicFiles.write(tableDir.resolve("claims.csv"), ClaimTests.csv(claims));
            html.append(claimsSection(claims));
        }
        html.append(body).append("</body></html>\n");
        Path index = report.resolve("index.html");
        AtomicFiles.write(index, html.toString());
        return new Report(index, results.damaged());
    }

    /** Writes the summary, losses, trials and long metrics tables under tables/. */
    private static Tables writeTables(ExperimentResults results, Path tableDir) throws IOException {
        SummaryTable quality = SummaryTable.quality(results);
        SummaryTable losses = SummaryTable.losses(results);
        AtomicFiles.write(tableDir.resolve("summary.csv"), quality.csv());
        AtomicFiles.write(tableDir.resolve("summary.md"), Html.markdown(quality.header(), quality.cells()));
        AtomicFiles.write(tableDir.resolve("losses.csv"), losses.csv());
        AtomicFiles.write(tableDir.resolve("losses.md"), Html.markdown(losses.header(), losses.cells()));
        TrialsTable trials = new TrialsTable(results, quality.metrics(), losses.metrics());
        AtomicFiles.write(tableDir.resolve("trials.csv"), trials.csv());
        AtomicFiles.write(tableDir.resolve("trials.md"), trials.markdown());
        AtomicFiles.write(tableDir.resolve("metrics-long.csv"), MetricsLongTable.csv(results));
        return new Tables(quality, losses, trials);
    }

    /** The summary table, then the training losses (when any were logged). */
    private static String resultsSection(ExperimentResults results, Tables tables) {
        StringBuilder body = new StringBuilder();
        body.append("<h2>Results</h2>\n<p>Mean ± sample standard deviation over the seeds that completed; diverged and failed seeds are counted, not averaged."
                + " The std has 3 significant digits and the mean is given to the same decimal place. ↑ higher is better, ↓ lower is better."
                + " <a href=\"tables/summary.csv\">CSV</a> · <a href=\"tables/summary.md\">Markdown</a></p>\n");
        Legend legend = Legend.of(results);
        body.append(Html.markupTable(tables.quality().header(), withSwatches(tables.quality().cells(), legend)));
        if (!tables.losses().isEmpty()) {
            body.append("<h3>Training losses</h3>\n<p>D's and G's loss, each trial's mean over its last 100 steps, then mean ± std over seeds."
                    + " Kept apart from the quality metrics: a loss has no better direction, and each objective has its own scale."
                    + " <a href=\"tables/losses.csv\">CSV</a> · <a href=\"tables/losses.md\">Markdown</a></p>\n");
            body.append(Html.markupTable(tables.losses().header(), withSwatches(tables.losses().cells(), legend)));
        }
        return body.toString();
    }

    /** Every figure that applies, drawn and written; one that fails is added to {@code problems}. */
    private String figures(ExperimentResults results, Path figDir, List<String> problems) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, Figure> f : figures.figures().entrySet()) {
            try {
                Optional<Drawing> d = f.getValue().draw(results);
                if (d.isPresent()) {
                    body.append(figure(figDir, f.getKey(), d.get()));
                }
            } catch (RuntimeException | IOException e) {
                problems.add("figure " + f.getKey() + " could not be drawn: " + e);
            }
        }
        return body.toString();
    }

    private static String trialsSection(TrialsTable trials) {
        return "<h2>Trials</h2>\n<p><a href=\"tables/trials.csv\">CSV</a> · <a href=\"tables/trials.md\">Markdown</a>."
                + " Every logged value of every trial, one row per trial, step and metric (for pandas, R, DuckDB):"
                + " <a href=\"tables/metrics-long.csv\">metrics-long.csv</a>."
                + " Each trial links to its folder and its files: the resolved config.yaml, metrics.csv (every logged step),"
                + " samples/ and summary.json with full provenance and the checksums of the rest.</p>\n"
                + trials.html();
    }

    /** The page's head (its style from report.css) and title. */
    private static String head(ExperimentResults results, boolean partial) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(results.name()) + " · gansweep</title>\n<style>"
                + Html.stylesheet() + "</style>\n"
                + "<meta name=\"gansweep-report\" content=\"" + (partial ? "partial" : "final") + "\"></head><body>\n"
                + "<h1>" + Html.escape(results.name()) + "</h1>\n";
    }

    /** What the experiment is, when and by what the report was built, and how the results were produced. */
    private static String intro(ExperimentResults results, boolean partial) {
        StringBuilder html = new StringBuilder();
        if (partial) {
            html.append(partialNote(results));
        }
        if (!results.description().isBlank()) {
            html.append("<p>").append(Html.escape(results.description())).append("</p>\n");
        }
        if (!results.paper().isBlank()) {
            html.append("<p><b>Paper:</b> ").append(Html.escape(results.paper())).append("</p>\n");
        }
        html.append("<p>").append(results.trials().size()).append(" trials. Grid: <a href=\"../grid.yaml\">grid.yaml</a>. Report built ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" by gansweep ").append(Html.escape(Provenance.version())).append(".</p>\n")
                .append(provenanceLine(results));
        return html.toString();
    }

    /** The box that lists damaged or unreadable trial folders; empty when there are none. */
    private static String damagedBox(ExperimentResults results) {
        if (results.damaged().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"damaged\"><b>").append(results.damaged().size())
                .append(" damaged or unreadable item(s), left out of every table and figure below.</b> ")
                .append("`gansweep run` with this grid moves a damaged trial aside (to set-aside/) and runs it again.<ul>\n");
        for (String d : results.damaged()) {
            html.append("<li>").append(Html.escape(d)).append("</li>\n");
        }
        return html.append("</ul></div>\n").toString();
    }

    /** The box atop a report built while its sweep ran. */
    static String partialNote(ExperimentResults results) {
        long finished = results.trials().stream().filter(t -> t.summary() != null).count();
        return "<div class=\"partial\"><b>Partial report: " + finished + " of " + results.trials().size()
                + " trials finished</b> when it was built (" + ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'"))
                + "). The sweep rebuilds it as trials finish and writes the final report when it ends. If the sweep is no"
                + " longer running, it was interrupted: run the same `gansweep run` command to finish it (finished trials"
                + " are kept).</div>\n";
    }

    /**
     * How the results were produced, from the first trial's provenance (every trial of a sweep shares it unless
     * runs mixed machines: each summary.json has its own) and the overrides of the last run.
     */
    static String provenanceLine(ExperimentResults results) {
        var first = results.trials().stream().filter(t -> t.summary() != null && t.summary().provenance() != null).findFirst();
        List<String> overrides;
        try {
            overrides = ExperimentStore.readOverrides(results.dir());
        } catch (IOException e) {
            overrides = List.of();
        }
        StringBuilder sb = new StringBuilder("<p class=\"provenance\">");
        if (first.isPresent()) {
            var p = first.get().summary().provenance();
            sb.append("Code ").append(Html.escape(String.valueOf(p.gitCommit())))
                    .append("; DJL ").append(Html.escape(String.valueOf(p.djlVersion())))
                    .append(", ").append(Html.escape(String.valueOf(p.engine()))).append(' ').append(Html.escape(String.valueOf(p.engineVersion())))
                    .append("; ").append(Html.escape(String.valueOf(p.cpuModel()))).append(", ")
                    .append(Html.escape(String.valueOf(p.intraOpThreads()))).append(" thread(s) per trial")
                    .append("; ").append(Html.escape(codePaths(results))).append(". ");
        }
        sb.append(overrides.isEmpty() ? "No --set overrides." : "--set " + Html.escape(String.join(" ", overrides)) + ".");
        return sb.append("</p>\n").toString();
    }

    /**
     * The code path the trials were computed on, or each path with its trial count where they differ (a sweep moved
     * between machines, or run with other numerics): numbers from different paths round differently.
     */
    static String codePaths(ExperimentResults results) {
        Map<String, Long> counts = new TreeMap<>();
        results.trials().stream().filter(t -> t.summary() != null)
                .forEach(t -> counts.merge(t.summary().codePath(), 1L, Long::sum));
        if (counts.size() <= 1) {
            return "code path " + (counts.isEmpty() ? "unknown" : counts.keySet().iterator().next());
        }
        List<String> each = new ArrayList<>();
        counts.forEach((path, n) -> each.add(path + " (" + n + (n == 1 ? " trial)" : " trials)")));
        return "trials made on different code paths: " + String.join(", ", each)
                + "; their numbers round differently, so compare across them with care";
    }

    /** A box when the trials ran far fewer steps than the paper's: their numbers are not the paper's result. */
    static String lengthWarning(ExperimentResults results) {
        int longest = results.trials().stream().mapToInt(t -> t.trial().config().training().steps()).max().orElse(0);
        if (results.paperSteps() == 0 || longest == 0 || longest * 2 > results.paperSteps()) {
            return "";
        }
        return "<div class=\"short\"><b>Short runs.</b> These trials trained " + String.format(Locale.ROOT, "%,d", longest)
                + " steps; the paper's trained " + String.format(Locale.ROOT, "%,d", results.paperSteps())
                + ". Read every number below as a short run's, not as the paper's result.</div>\n";
    }

    /** Every setting beside the authors' value, and why each difference. */
    static String authorsTable(ExperimentResults results) {
        var a = results.authors();
        if (a == null || a.settings().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (var r : a.settings()) {
            rows.add(List.of(r.setting(), r.here(), r.authors(), r.differs() ? r.why() : "the same"));
        }
        return "<h2>Settings against the authors' code</h2>\n<p>Source: " + Html.escape(a.source()) + "</p>\n"
                + Html.table(List.of("setting", "here", "authors", "why different"), rows);
    }

    /** The claims at the top of the page: what the paper says, what these seeds show, and the verdict. */
    static String claimsSection(List<ClaimTests.Result> claims) {
        StringBuilder sb = new StringBuilder("<h2>The paper's claims, tested over the seeds</h2>\n<p>One-sided tests at the 5 % level in the"
                + " claimed direction; 95 % intervals (bootstrap of the difference of means, seeded; Wilson for success rates, Newcombe for"
                + " their difference; Wilcoxon signed-rank against a threshold). Diverged or failed seeds are left out of value claims and count as failures in success claims."
                + " <a href=\"tables/claims.csv\">CSV</a></p>\n");
        List<String> header = List.of("claim", "metric", "groups", "seeds", "per group", "difference [95 % CI]", "test", "p", "verdict");
        List<List<String>> rows = new ArrayList<>();
        for (ClaimTests.Result r : claims) {
            boolean rate = r.successes() != null;
            String metric = r.claim().metric() + " (" + (r.claim().higherIsBetter() ? "higher" : "lower") + " is better)"
                    + (rate ? ", success: " + (r.claim().higherIsBetter() ? "≥ " : "≤ ") + SummaryTable.fmt(r.claim().success()) : "");
            String per = rate
                    ? r.successes()[0] + "/" + r.n()[0] + " [" + ClaimTests.num(r.wilson()[0][0]) + ", " + ClaimTests.num(r.wilson()[0][1]) + "] vs "
                            + r.successes()[1] + "/" + r.n()[1] + " [" + ClaimTests.num(r.wilson()[1][0]) + ", " + ClaimTests.num(r.wilson()[1][1]) + "]"
                    : r.claim().againstThreshold() ? "mean " + ClaimTests.num(r.mean()[0]) + " vs threshold " + ClaimTests.num(r.claim().threshold())
                    : "mean " + ClaimTests.num(r.mean()[0]) + " vs " + ClaimTests.num(r.mean()[1]);
            String seeds = r.claim().againstThreshold() ? String.valueOf(r.n()[0]) : r.n()[0] + " / " + r.n()[1];
            rows.add(List.of(r.claim().claim(), metric, r.groups(), seeds, per,
                    ClaimTests.num(r.difference()) + " [" + ClaimTests.num(r.ciLow()) + ", " + ClaimTests.num(r.ciHigh()) + "]",
                    r.test(), ClaimTests.num(r.pValue()), r.verdict()));
        }
        return sb.append(Html.table(header, rows)).toString();
    }

    /** Table cells as markup, each setting with its colour in the figures and its legend name under it. */
    static List<List<String>> withSwatches(List<List<String>> cells, Legend legend) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : cells) {
            List<String> r = new ArrayList<>(row.stream().map(Html::escape).toList());
            String setting = row.get(0);
            r.set(0, String.format(Locale.ROOT, "<span class=\"swatch\" style=\"background:#%06x\"></span>", legend.colour(setting).getRGB() & 0xffffff)
                    + Html.escape(setting) + "<br><small>" + Html.escape(legend.name(setting)) + "</small>");
            out.add(r);
        }
        return out;
    }

    /**
     * Writes one figure as PNG, SVG and the CSV of what it draws (and each of its pages likewise, as NAME-PAGE.*),
     * and returns its section of the page.
     */
    static String figure(Path figDir, String name, Drawing d) throws IOException {
        write(figDir, name, d);
        StringBuilder sb = new StringBuilder("<h2>").append(Html.escape(d.title())).append("</h2>\n<p>").append(Html.escape(d.caption()))
                .append(' ').append(links(name)).append("</p>\n<img src=\"figures/").append(name).append(".png\" alt=\"")
                .append(Html.escape(d.title())).append("\" style=\"max-width:100%\">\n");
        if (!d.pages().isEmpty()) {
            sb.append("<ul class=\"pages\">\n");
            for (Map.Entry<String, Drawing> p : d.pages().entrySet()) {
                write(figDir, name + "-" + p.getKey(), p.getValue());
                sb.append("<li>").append(Html.escape(p.getValue().title())).append(": <a href=\"figures/").append(name).append('-')
                        .append(p.getKey()).append(".png\">PNG</a> · ").append(links(name + "-" + p.getKey())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        return sb.toString();
    }

    private static void write(Path figDir, String name, Drawing d) throws IOException {
        FigureExporter.png(d, figDir.resolve(name + ".png"));
        FigureExporter.svg(d, figDir.resolve(name + ".svg"));
        AtomicFiles.write(figDir.resolve(name + ".csv"), d.data());
    }

    private static String links(String name) {
        return "<a href=\"figures/" + name + ".svg\">SVG</a> · <a href=\"figures/" + name + ".csv\">data (CSV)</a>";
    }
}
