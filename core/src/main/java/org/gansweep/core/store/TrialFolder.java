package org.gansweep.core.store;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.train.TrialStatus;

/**
 * One trial's folder, {@code trials/TRIAL_ID/}: where each of its files lives, what state it is in, and whether
 * its results are still the ones it recorded. A finished trial's summary.json holds a SHA-256 of each result
 * file ({@link #resultFiles}); {@link #inspect} compares them with the files now there, so a cut-off or
 * edited metrics.csv, a deleted config.yaml or samples folder is told apart from an intact result.
 * Nothing here deletes what gansweep did not write: damaged folders and foreign files are moved aside.
 */
public final class TrialFolder {
    public static final String SUMMARY = "summary.json";
    public static final String CONFIG = "config.yaml";
    public static final String IDENTITY = "trial.json";
    public static final String METRICS = "metrics.csv";
    public static final String SAMPLES = "samples";
    public static final String CHECKPOINT = "checkpoint";
    public static final String WORKER_LOG = "worker.log";
    /** Where an experiment keeps what it moved out of its trial folders (inside the experiment folder). */
    public static final String SET_ASIDE = "set-aside";

    /**
     * What a folder holds. {@code summary} is null unless the summary.json is readable and complete;
     * {@code problems} lists what is wrong (empty for an intact finished trial or a plain unfinished one).
     */
    public record Inspection(State state, Summary summary, List<String> problems) {
        public boolean finished() {
            return state == State.FINISHED;
        }
    }

    public enum State {
        /** No folder, or no summary.json yet: to run. */
        UNFINISHED,
        /** A readable summary saying failed, or a summary.json that is cut off or malformed: to run again. */
        FAILED,
        /** Completed or diverged, and every recorded file as recorded: skipped by a rerun. */
        FINISHED,
        /** Recorded finished, but its files no longer match (edited, cut off, missing): set aside and rerun. */
        DAMAGED
    }

    private final Path dir;

    public TrialFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public String id() {
        return dir.getFileName().toString();
    }

    public Path config() {
        return dir.resolve(CONFIG);
    }

    public Path identity() {
        return dir.resolve(IDENTITY);
    }

    public Path summaryFile() {
        return dir.resolve(SUMMARY);
    }

    public Path metrics() {
        return dir.resolve(METRICS);
    }

    public Path samples() {
        return dir.resolve(SAMPLES);
    }

    public Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    public Path workerLog() {
        return dir.resolve(WORKER_LOG);
    }

    /** Who a trial folder is within its grid ({@code trial.json}), beside its config. */
    public record Identity(String id, String label, Map<String, String> setting, String hash) {}

    /** Writes the resolved config.yaml (every default filled in) and trial.json for {@code t}. */
    public void writeConfig(Trial t) throws IOException {
        Files.createDirectories(dir);
        String header = "# gansweep trial " + t.id() + " (config hash " + t.hash() + ")\n"
                + "# Every default filled in; `gansweep run` and `gansweep trial` read it back as it is.\n";
        AtomicFiles.write(config(), header + Yaml.yaml().writeValueAsString(t.resolved()));
        AtomicFiles.write(identity(), Yaml.json().writeValueAsBytes(new Identity(t.id(), t.label(), t.setting(), t.hash())));
    }

    /**
     * The trial stored here: its config read back, with its identity in the grid. An IOException says the
     * config was edited since (or gansweep's defaults changed): its hash is no longer the recorded one.
     */
    public Trial readTrial(GridLoader loader)
            throws IOException, ConfigException {
        Trial t = loader.loadTrial(config());
        if (!Files.exists(identity())) {
            return t;
        }
        Identity id;
        try {
            id = Yaml.json().readValue(identity().toFile(), Identity.class);
        } catch (IOException e) {
            throw new IOException(identity() + " cannot be read (" + firstLine(e.getMessage()) + "); move the trial folder aside and run the sweep again");
        }
        if (id == null || id.hash() == null || !id.hash().equals(t.hash())) {
            throw new IOException(dir + ": config.yaml no longer hashes to " + (id == null ? null : id.hash()) + " (now " + t.hash()
                    + "); it was edited, or gansweep's defaults changed since the sweep");
        }
        return new Trial(id.id(), id.label(), id.setting(), t.config(), t.resolved(), t.hash());
    }

    /** Writes summary.json last, with the checksums of the result files as they are now. */
    public void writeSummary(Summary summary) throws IOException {
        AtomicFiles.write(summaryFile(), Yaml.json().writeValueAsBytes(summary.withFiles(resultFiles())));
    }

    /** The summary if summary.json is readable, complete and names a known status; null otherwise. */
    public Summary readSummary() {
        return inspectSummary(new ArrayList<>());
    }

    private Summary inspectSummary(List<String> problems) {
        Path f = summaryFile();
        if (!Files.exists(f)) {
            return null;
        }
        JsonNode n;
        try {
            n = Yaml.json().readTree(f.toFile());
        } catch (IOException e) {
            problems.add("summary.json does not parse (" + firstLine(e.getMessage()) + ")");
            return null;
        }
        if (n == null || !n.isObject()) {
            problems.add("summary.json is not a JSON object");
            return null;
        }
        if (!n.path("status").isTextual() || TrialStatus.parse(n.path("status").asText()) == null) {
            problems.add("summary.json has no valid `status` (completed, diverged or failed)");
            return null;
        }
        for (String field : new String[] {"trial", "seed", "steps"}) {
            if (n.path(field).isMissingNode() || n.path(field).isNull()) {
                problems.add("summary.json lacks `" + field + "`");
                return null;
            }
        }
        if (!n.path("seed").isIntegralNumber() || !n.path("steps").isIntegralNumber()
                || (n.has("metrics") && !n.path("metrics").isObject())) {
            problems.add("summary.json has a field of the wrong type");
            return null;
        }
        try {
            return bindSummary((ObjectNode) n);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "a field" : "`" + e.getPath().get(0).getFieldName() + "`";
            problems.add("summary.json: " + field + " is missing, unknown or of the wrong type");
            return null;
        } catch (IOException | IllegalArgumentException e) {
            problems.add("summary.json cannot be read as a trial summary");
            return null;
        }
    }

    /**
     * The summary record of a checked summary.json. Provenance only describes how a result was made: a provenance
     * the typed record cannot read (a hand-edited value of another type) is dropped, the result is kept.
     */
    private static Summary bindSummary(ObjectNode n) throws IOException {
        try {
            return Yaml.json().treeToValue(n, Summary.class);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty() || !"provenance".equals(e.getPath().get(0).getFieldName())) {
                throw e;
            }
            ObjectNode withoutProvenance = n.deepCopy();
            withoutProvenance.remove("provenance");
            return Yaml.json().treeToValue(withoutProvenance, Summary.class);
        }
    }

    /** The folder's state, with what is wrong with it. */
    public Inspection inspect() {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                problems.add(dir.getFileName() + " is a file, not a trial folder");
                return new Inspection(State.DAMAGED, null, problems);
            }
            return new Inspection(State.UNFINISHED, null, problems);
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            problems.add("the folder cannot be read (permissions)");
            return new Inspection(State.DAMAGED, null, problems);
        }
        Summary s = inspectSummary(problems);
        if (s == null) {
            return new Inspection(problems.isEmpty() ? State.UNFINISHED : State.FAILED, null, problems);
        }
        if (!s.status().finished()) {
            return new Inspection(State.FAILED, s, problems);
        }
        problems.addAll(verify(s));
        return new Inspection(problems.isEmpty() ? State.FINISHED : State.DAMAGED, s, problems);
    }

    /**
     * What differs between the files now and the checksums the summary recorded. Summaries written before
     * checksums were recorded are checked for the files that must be there.
     */
    public List<String> verify(Summary s) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(config())) {
            problems.add("config.yaml is missing");
        }
        if (!Files.isRegularFile(identity())) {
            problems.add("trial.json is missing");
        }
        Map<String, String> recorded = s.files();
        if (recorded == null) {
            if (!Files.isRegularFile(metrics())) {
                problems.add("metrics.csv is missing");
            }
            return problems;
        }
        Map<String, String> now;
        try {
            now = resultFiles();
        } catch (IOException e) {
            problems.add("its files cannot be read (" + firstLine(e.getMessage()) + ")");
            return problems;
        }
        boolean samplesGone = recorded.keySet().stream().anyMatch(k -> k.startsWith(SAMPLES + "/")) && !Files.isDirectory(samples());
        if (samplesGone) {
            problems.add("the samples/ folder is missing");
        }
        for (var e : recorded.entrySet()) {
            String name = e.getKey();
            if (samplesGone && name.startsWith(SAMPLES + "/")) {
                continue;
            }
            String current = now.get(name);
            if (current == null) {
                if (!name.equals(CONFIG) && !name.equals(IDENTITY)) {
                    problems.add(name + " is missing");
                }
            } else if (!current.equals(e.getValue())) {
                problems.add(name + " changed since the trial finished (checksum differs)");
            }
        }
        return problems;
    }

    /** SHA-256 of each result file, by path relative to the folder: config, identity, metrics and samples. */
    public Map<String, String> resultFiles() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path p : List.of(config(), identity(), metrics())) {
            if (Files.isRegularFile(p)) {
                out.put(p.getFileName().toString(), sha256(p));
            }
        }
        if (Files.isDirectory(samples())) {
            try (Stream<Path> s = Files.list(samples())) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(SAMPLES + "/" + p.getFileName(), sha256(p));
                }
            }
        }
        return out;
    }

    static String sha256(Path p) throws IOException {
        return MoreFiles.asByteSource(p).hash(Hashing.sha256()).toString();
    }

    /**
     * Moves the whole folder to {@code EXPERIMENT/set-aside/TRIAL_ID.TIMESTAMP/} with a note of why, and returns
     * where it went. Nothing is deleted.
     */
    public Path setAside(String why) throws IOException {
        return SetAside.wholeFolder(this, why);
    }

    /**
     * Before a failed or interrupted trial runs again: what an earlier attempt wrote goes; anything else is
     * moved aside, never deleted ({@link SetAside#clearForRetry}).
     */
    /** Moves an unreadable checkpoint, and what its interrupted run recorded, aside; returns where it went. */
    public Path setAsideCheckpoint(String why) throws IOException {
        return SetAside.checkpoint(this, why);
    }

    public void clearForRetry() throws IOException {
        SetAside.clearForRetry(this);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
