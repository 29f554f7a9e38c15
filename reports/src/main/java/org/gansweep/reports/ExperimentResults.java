package org.gansweep.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.core.sweep.TrialParts;

/**
 * Everything stored for one experiment, read from its folder alone. The report covers the trials of the
 * current grid.yaml, in grid order; trials left from earlier versions of the grid are counted, not shown.
 */
public final class ExperimentResults {
    private final Path dir;
    private final String name;
    private final String description;
    private final String paper;
    private final List<TrialResult> trials;
    private final List<String> notes;
    private final List<String> damaged;
    private List<org.gansweep.core.config.Claim> claims = List.of();
    private int paperSteps;
    private org.gansweep.core.config.AuthorsSettings authors;

    private ExperimentResults(Path dir, String name, String description, String paper, List<TrialResult> trials,
            List<String> notes, List<String> damaged) {
        this.dir = dir;
        this.name = name;
        this.description = description;
        this.paper = paper;
        this.trials = trials;
        this.notes = notes;
        this.damaged = damaged;
    }

    public static ExperimentResults load(Path dir, PluginCatalog catalog) throws IOException {
        GridLoader loader = new GridLoader(catalog);
        List<String> notes = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        String name = dir.getFileName().toString();
        String description = "";
        String paper = "";
        Map<String, Integer> order = null;
        ExperimentGrid parsedGrid = null;
        Path gridFile = dir.resolve("grid.yaml");
        if (Files.exists(gridFile)) {
            String text = Files.readString(gridFile);
            JsonNode raw = null;
            try {
                raw = Yaml.yaml().readTree(text);
            } catch (IOException e) {
                notes.add("grid.yaml does not parse: " + e.getMessage());
            }
            if (raw != null && raw.isObject()) {
                name = raw.path("name").asText(name);
                description = raw.path("description").asText("");
                paper = raw.path("paper").asText("");
            }
            List<String> overrides;
            try {
                overrides = ExperimentStore.readOverrides(dir);
            } catch (IOException e) {
                overrides = null;
                damaged.add(ExperimentStore.SWEEP + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                        + "), so the --set overrides of the last run are unknown; every stored trial is shown");
            }
            if (overrides != null) {
                try {
                    ExperimentGrid grid = loader.parse(text, gridFile.toString(), overrides);
                    parsedGrid = grid;
                    order = new HashMap<>();
                    for (Trial t : grid.trials()) {
                        order.put(t.id(), order.size());
                    }
                } catch (ConfigException e) {
                    notes.add("grid.yaml no longer validates, so every stored trial is shown: " + e.errors().get(0));
                }
            }
        }
        List<TrialResult> trials = new ArrayList<>();
        int others = 0;
        Path trialsDir = dir.resolve("trials");
        List<Path> folders;
        if (Files.exists(trialsDir) && !Files.isDirectory(trialsDir)) {
            damaged.add("trials: is a file, not the folder of trial results");
        }
        try (Stream<Path> s = Files.isDirectory(trialsDir) ? Files.list(trialsDir) : Stream.empty()) {
            folders = s.sorted().toList();
        }
        for (Path t : folders) {
            String id = t.getFileName().toString();
            if (order != null && !order.containsKey(id)) {
                others++;
                continue;
            }
            TrialFolder folder = new TrialFolder(t);
            TrialFolder.Inspection in = folder.inspect();
            if (in.state() == TrialFolder.State.DAMAGED) {
                damaged.add(id + ": " + String.join("; ", in.problems()));
                continue;
            }
            if (!Files.isRegularFile(folder.config())) {
                damaged.add(id + ": config.yaml is missing, so the trial cannot be read");
                continue;
            }
            try {
                Trial trial = SweepRunner.readTrial(loader, t);
                DatasetAdapter data = TrialParts.create(catalog, Kind.DATASET, trial.config().dataset(), DatasetAdapter.class);
                AdversarialLoss loss = TrialParts.create(catalog, Kind.LOSS, trial.config().loss(), AdversarialLoss.class);
                for (var m : trial.config().metrics()) {
                    // What each metric says about its columns (built, never run: a judged metric trains nothing here).
                    MetricInfo.declare(TrialParts.create(catalog, Kind.METRIC, m, org.gansweep.core.plugin.Metric.class).columns());
                }
                trials.add(new TrialResult(trial, in.summary(), MetricsCsv.read(folder.metrics()), t, data, loss));
            } catch (ConfigException e) {
                damaged.add(id + ": config.yaml does not load (" + e.errors().get(0) + ")");
            } catch (IOException | RuntimeException e) {
                damaged.add(id + ": cannot be read (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            }
        }
        if (order != null) {
            Map<String, Integer> o = order;
            trials.sort(Comparator.comparing(r -> o.get(r.trial().id())));
        }
        if (others > 0) {
            notes.add(others + " trial folder(s) from earlier versions of the grid are kept in trials/ but not shown");
        }
        if (order != null) {
            java.util.Set<String> stored = new java.util.HashSet<>();
            trials.forEach(r -> stored.add(r.trial().id()));
            long missing = order.keySet().stream().filter(id -> !stored.contains(id)
                    && damaged.stream().noneMatch(d -> d.startsWith(id + ":"))).count();
            if (missing > 0) {
                notes.add(missing + " of the grid's " + order.size() + " trials have no results yet (run the sweep to make them)");
            }
        }
        ExperimentResults r = new ExperimentResults(dir, name, description, paper, trials, notes, damaged);
        if (parsedGrid != null) {
            r.claims = parsedGrid.claims();
            r.paperSteps = parsedGrid.paperSteps();
            r.authors = parsedGrid.authors();
        }
        return r;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String paper() {
        return paper;
    }

    public List<TrialResult> trials() {
        return trials;
    }

    public List<String> notes() {
        return notes;
    }

    /** The paper's claims the grid asks the report to test. */
    public List<org.gansweep.core.config.Claim> claims() {
        return claims;
    }

    /** The authors' settings beside this grid's, or null. */
    public org.gansweep.core.config.AuthorsSettings authors() {
        return authors;
    }

    /** How many steps the paper trained (0: not given). */
    public int paperSteps() {
        return paperSteps;
    }

    /** Trial folders (and experiment files) that cannot be trusted or read, each with what is wrong. */
    public List<String> damaged() {
        return damaged;
    }

    /** Trials grouped by setting (the seeds of one configuration), in grid order. */
    public Map<String, List<TrialResult>> bySetting() {
        Map<String, List<TrialResult>> m = new LinkedHashMap<>();
        for (TrialResult t : trials) {
            m.computeIfAbsent(t.settingName(), k -> new ArrayList<>()).add(t);
        }
        return m;
    }

    /** Metric names present in the summaries, in first-seen order. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (TrialResult t : trials) {
            if (t.summary() != null && t.summary().metrics() != null) {
                for (String k : t.summary().metrics().keySet()) {
                    if (!names.contains(k)) {
                        names.add(k);
                    }
                }
            }
        }
        return names;
    }
}
