package org.gansweep.reports;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.store.TrialFolder;

/**
 * The per-trial table: one row per trial with its status and final metrics, quality metrics first (marked with
 * their better direction) and the losses last, and links to the trial's own files so that any number in the
 * report can be traced to the folder it came from. Links are relative, so a copied experiment folder keeps them.
 */
final class TrialsTable {
    /** The files the report links for each trial, in trial-folder order; samples/ is a folder. */
    static final List<String> FILES = List.of(TrialFolder.CONFIG, TrialFolder.METRICS, TrialFolder.SAMPLES + "/", TrialFolder.SUMMARY);

    private final ExperimentResults results;
    private final List<String> metrics = new ArrayList<>();

    TrialsTable(ExperimentResults results, List<String> quality, List<String> losses) {
        this.results = results;
        metrics.addAll(quality);
        metrics.addAll(losses);
    }

    /** Full precision and plain column names, for reading back; folder is relative to the experiment folder. */
    String csv() {
        List<String> h = new ArrayList<>(List.of("trial", "setting", "seed", "status", "diverged_at_step", "steps", "seconds"));
        h.addAll(metrics);
        h.add("folder");
        Csv csv = new Csv(h);
        for (TrialResult t : results.trials()) {
            var s = t.summary();
            List<Object> r = new ArrayList<>(List.of(t.trial().id(), t.settingName(), t.trial().seed(), t.status()));
            r.add(s == null ? null : s.divergedAtStep());
            r.add(s == null ? null : s.steps());
            r.add(s == null ? null : s.seconds());
            for (String m : metrics) {
                r.add(s == null || s.metrics() == null ? null : s.metrics().get(m));
            }
            r.add("trials/" + t.dir().getFileName());
            csv.row(r);
        }
        return csv.toString();
    }

    /** The Markdown table sits in report/tables/, two folders below the experiment. */
    String markdown() {
        return Html.markdown(header(), rows(false));
    }

    /** The HTML table sits in report/, one folder below the experiment. */
    String html() {
        return Html.markupTable(header(), rows(true));
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("trial", "setting", "seed", "status", "steps", "seconds"));
        metrics.forEach(m -> h.add(MetricInfo.header(m)));
        h.add("files");
        return h;
    }

    private List<List<String>> rows(boolean html) {
        String up = html ? "../" : "../../";
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult t : results.trials()) {
            String folder = up + "trials/" + t.dir().getFileName() + "/";
            var s = t.summary();
            List<String> r = new ArrayList<>();
            r.add(link(html, folder, t.trial().id()));
            r.add(text(html, t.settingName()));
            r.add(Long.toString(t.trial().seed()));
            r.add(text(html, s == null ? "unfinished" : s.status() + (s.divergedAtStep() != null ? " at step " + s.divergedAtStep() : "")));
            r.add(s == null ? "" : Integer.toString(s.steps()));
            r.add(s == null ? "" : Digits.sig3(s.seconds()));
            for (String m : metrics) {
                Double v = s == null || s.metrics() == null ? null : s.metrics().get(m);
                r.add(v == null ? "" : Digits.sig3(v));
            }
            List<String> files = new ArrayList<>();
            for (String f : FILES) {
                if (Files.exists(t.dir().resolve(f))) {
                    files.add(link(html, folder + f, f));
                }
            }
            r.add(String.join(html ? " · " : " ", files));
            rows.add(r);
        }
        return rows;
    }

    private static String link(boolean html, String path, String text) {
        return html ? Html.link(path, text) : "[" + text + "](" + Html.encodePath(path) + ")";
    }

    private static String text(boolean html, String s) {
        return html ? Html.escape(s) : s;
    }
}
