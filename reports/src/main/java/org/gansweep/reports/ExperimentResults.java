package org.gansweep.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gansweep.core.config.AuthorsSettings;
import org.gansweep.core.config.Claim;
import org.gansweep.core.config.Component;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.TrialFolder;
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
    private List<Claim> claims = List.of();
    private int paperSteps;
    private AuthorsSettings authors;

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

    /** What grid.yaml says, with its trials as the last run's {@code --set} made them (null when unknown). */
    private record GridOnFile(String name, String description, String paper, ExperimentGrid grid) {}

    public static ExperimentResults load(Path dir, PluginCatalog catalog) throws IOException {
        GridLoader loader = new GridLoader(catalog);
        List<String> notes = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        GridOnFile onFile = readGrid(dir, loader, notes, damaged);
        Map<String, Trial> inGrid = null;
        if (onFile.grid() != null) {
            inGrid = new LinkedHashMap<>();
            for (Trial t : onFile.grid().trials()) {
                inGrid.put(t.id(), t);
            }
        }
        List<TrialResult> trials = new ArrayList<>();
        int others = 0;
        for (Path t : trialFolders(dir, damaged)) {
            String id = t.getFileName().toString();
            if (inGrid != null && !inGrid.containsKey(id)) {
                others++;
                continue;
            }
            TrialResult r = readTrial(t, inGrid == null ? null : inGrid.get(id), loader, catalog, damaged);
            if (r != null) {
                trials.add(r);
            }
        }
        if (others > 0) {
            notes.add(others + " trial folder(s) from earlier versions of the grid are kept in trials/ but not shown");
        }
        if (inGrid != null) {
            sortAndCountMissing(trials, List.copyOf(inGrid.keySet()), notes, damaged);
        }
        ExperimentResults r = new ExperimentResults(dir, onFile.name(), onFile.description(), onFile.paper(), trials, notes, damaged);
        if (onFile.grid() != null) {
            r.claims = onFile.grid().claims();
            r.paperSteps = onFile.grid().paperSteps();
            r.authors = onFile.grid().authors();
        }
        return r;
    }

    /**
     * grid.yaml's name, description and paper as written, and the grid parsed with the last run's overrides; a grid
     * that no longer validates, or overrides that cannot be read, leave the grid null (every stored trial is shown).
     */
    private static GridOnFile readGrid(Path dir, GridLoader loader, List<String> notes, List<String> damaged) throws IOException {
        Path gridFile = dir.resolve("grid.yaml");
        if (!Files.exists(gridFile)) {
            return new GridOnFile(dir.getFileName().toString(), "", "", null);
        }
        String text = Files.readString(gridFile);
        JsonNode raw = null;
        try {
            raw = Yaml.yaml().readTree(text);
        } catch (IOException e) {
            notes.add("grid.yaml does not parse: " + e.getMessage());
        }
        String name = dir.getFileName().toString();
        String description = "";
        String paper = "";
        if (raw != null && raw.isObject()) {
            name = raw.path("name").asText(name);
            description = raw.path("description").asText("");
            paper = raw.path("paper").asText("");
        }
        List<String> overrides;
        try {
            overrides = ExperimentStore.readOverrides(dir);
        } catch (IOException e) {
            damaged.add(ExperimentStore.SWEEP + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "), so the --set overrides of the last run are unknown; every stored trial is shown");
            return new GridOnFile(name, description, paper, null);
        }
        try {
            return new GridOnFile(name, description, paper, loader.parse(text, gridFile.toString(), overrides));
        } catch (ConfigException e) {
            notes.add("grid.yaml no longer validates, so every stored trial is shown: " + e.errors().get(0));
            return new GridOnFile(name, description, paper, null);
        }
    }

    /** The folders under trials/, in name order; a file named trials is reported. */
    private static List<Path> trialFolders(Path dir, List<String> damaged) throws IOException {
        Path trialsDir = dir.resolve("trials");
        if (Files.exists(trialsDir) && !Files.isDirectory(trialsDir)) {
            damaged.add("trials: is a file, not the folder of trial results");
        }
        try (Stream<Path> s = Files.isDirectory(trialsDir) ? Files.list(trialsDir) : Stream.empty()) {
            return s.sorted().toList();
        }
    }

    /**
     * One trial folder as the report sees it; null when it is damaged or cannot be read (said in {@code damaged}).
     * {@code inGrid} is the grid's trial of the folder's id, whose resolved config is taken when config.yaml still
     * holds it (null: none, or no grid).
     */
    private static TrialResult readTrial(Path t, Trial inGrid, GridLoader loader, PluginCatalog catalog, List<String> damaged) {
        String id = t.getFileName().toString();
        TrialFolder folder = new TrialFolder(t);
        TrialFolder.Inspection in = folder.inspect();
        if (in.state() == TrialFolder.State.DAMAGED) {
            damaged.add(id + ": " + String.join("; ", in.problems()));
            return null;
        }
        if (!Files.isRegularFile(folder.config())) {
            damaged.add(id + ": config.yaml is missing, so the trial cannot be read");
            return null;
        }
        try {
            Trial trial = StoredTrial.read(folder, loader, inGrid);
            DatasetAdapter data = TrialParts.create(catalog, Kind.DATASET, trial.config().dataset(), DatasetAdapter.class);
            AdversarialLoss loss = TrialParts.create(catalog, Kind.LOSS, trial.config().loss(), AdversarialLoss.class);
            for (Component m : trial.config().metrics()) {
                // What each metric says about its columns (built, never run: a judged metric trains nothing here).
                MetricInfo.declare(TrialParts.create(catalog, Kind.METRIC, m, Metric.class).columns());
            }
            return new TrialResult(trial, in.summary(), MetricsCsv.read(folder.metrics()), t, data, loss);
        } catch (ConfigException e) {
            damaged.add(id + ": config.yaml does not load (" + e.errors().get(0) + ")");
        } catch (IOException | RuntimeException e) {
            damaged.add(id + ": cannot be read (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        return null;
    }

    /** Puts the trials in grid order, and notes how many of the grid's trials have no results yet. */
    private static void sortAndCountMissing(List<TrialResult> trials, List<String> gridIds, List<String> notes, List<String> damaged) {
        Map<String, Integer> order = new HashMap<>();
        gridIds.forEach(id -> order.put(id, order.size()));
        trials.sort(Comparator.comparing(r -> order.get(r.trial().id())));
        Set<String> stored = new HashSet<>();
        trials.forEach(r -> stored.add(r.trial().id()));
        long missing = order.keySet().stream().filter(id -> !stored.contains(id)
                && damaged.stream().noneMatch(d -> d.startsWith(id + ":"))).count();
        if (missing > 0) {
            notes.add(missing + " of the grid's " + order.size() + " trials have no results yet (run the sweep to make them)");
        }
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
    public List<Claim> claims() {
        return claims;
    }

    /** The authors' settings beside this grid's, or null. */
    public AuthorsSettings authors() {
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
