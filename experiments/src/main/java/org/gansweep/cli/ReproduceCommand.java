package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.core.sweep.TrialRunner;
import org.gansweep.core.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Re-runs a stored trial from its config.yaml alone, in a fresh folder, and says whether every metric and
 * every line of metrics.csv comes out the same. Exit 0 when all match, 1 when something differs.
 */
@Command(name = "reproduce", description = "Re-run a trial from its stored config and report whether every metric matches (exit 0) or not (exit 1).")
final class ReproduceCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final GridLoader loader;

    @Inject
    ReproduceCommand(PluginCatalog catalog) {
        this.catalog = catalog;
        this.loader = new GridLoader(catalog);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRIAL_DIR", description = "a trial folder, e.g. runs/ring/trials/gan_s1-9391c232")
    Path dir;

    @Option(names = "--into", paramLabel = "DIR", description = "where to run the copy: a new or empty folder"
            + " (default: EXPERIMENT/reproduced/TRIAL_ID.TIMESTAMP)")
    Path into;

    @Mixin
    NumericsChoice numerics = new NumericsChoice();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(dir.resolve(TrialFolder.CONFIG))) {
            err.println("gansweep: " + dir + " has no config.yaml; give a trial folder such as runs/ring/trials/ID");
            return 2;
        }
        TrialFolder folder = new TrialFolder(dir);
        TrialFolder.Inspection inspection = folder.inspect();
        Summary stored = inspection.summary();
        if (stored == null) {
            err.println("gansweep: " + dir + (Files.exists(folder.summaryFile())
                    ? "/summary.json cannot be read (" + String.join("; ", inspection.problems()) + "), so there is nothing to compare with"
                    : " has no summary.json: the trial never finished, so there is nothing to compare with"));
            return 2;
        }
        Integer unverified = NumericsChoice.prepare(numerics.resolve(null), err);
        if (unverified != null) {
            return unverified;
        }
        Trial trial;
        try {
            trial = SweepRunner.readTrial(loader, dir);
        } catch (ConfigException e) {
            return Grids.printErrors(e, err);
        } catch (IOException e) {
            err.println("gansweep: " + e.getMessage());
            return 2;
        }
        Path target = into != null ? into : freshTarget(dir);
        if (Files.exists(target) && !isEmptyFolder(target)) {
            err.println("gansweep: " + target + " already exists and is not an empty folder; reproduce writes only into a new"
                    + " or empty folder and never deletes anything: give --into a new folder, or leave --into out");
            return 2;
        }
        Files.createDirectories(target);
        Files.copy(dir.resolve(TrialFolder.CONFIG), target.resolve(TrialFolder.CONFIG));
        Summary again = new TrialRunner(catalog).run(trial, target, new TrainingListener() {});

        out.printf("trial %s (config hash %s), seed %d%n", trial.id(), trial.hash(), trial.seed());
        int differences = compare(out, inspection.problems(), stored, again, target);
        noteOtherEngineOrPath(out, stored, again);
        out.println(differences == 0 ? "reproduced: every metric matches" : "NOT reproduced: " + differences + " difference(s); the copy is in " + target);
        return differences == 0 ? 0 : 1;
    }

    /** Prints the stored trial's problems and each result beside its reproduction; returns how many differ. */
    private int compare(PrintWriter out, List<String> storedProblems, Summary stored, Summary again, Path target) throws IOException {
        int differences = storedProblems.size();
        // The stored files first: a result edited or cut off since it was recorded is not a fair reference.
        for (String p : storedProblems) {
            out.println("  stored trial: " + p);
        }
        out.printf("  %-24s %-24s %-24s%n", "metric", "stored", "reproduced");
        differences += line(out, "status", stored.status(), again.status());
        differences += line(out, "steps", stored.steps(), again.steps());
        Map<String, Double> a = stored.metrics() == null ? Map.of() : stored.metrics();
        Map<String, Double> b = again.metrics() == null ? Map.of() : again.metrics();
        for (String m : new TreeSet<>(union(a, b))) {
            differences += line(out, m, a.get(m), b.get(m));
        }
        Path csvA = dir.resolve(TrialFolder.METRICS);
        Path csvB = target.resolve(TrialFolder.METRICS);
        boolean csvSame = Files.exists(csvA) && Files.exists(csvB) && Files.mismatch(csvA, csvB) == -1;
        out.println("  metrics.csv " + (csvSame ? "identical, byte for byte" : "DIFFERS"));
        return differences + (csvSame ? 0 : 1);
    }

    /** Why the numbers may differ without either being wrong: another engine version or another code path. */
    private static void noteOtherEngineOrPath(PrintWriter out, Summary stored, Summary again) {
        String storedEngine = stored.provenance() == null ? null : stored.provenance().engineVersion();
        String nowEngine = again.provenance() == null ? null : again.provenance().engineVersion();
        if (!Objects.equals(storedEngine, nowEngine)) {
            out.println("  note: stored with engine " + storedEngine + ", reproduced with " + nowEngine);
        }
        String storedPath = stored.codePath();
        String nowPath = again.codePath();
        if (!storedPath.equals(nowPath)) {
            out.println("  note: stored on code path " + storedPath + ", reproduced on " + nowPath + ": different paths round"
                    + " differently, so the numbers may differ without either being wrong (--numerics portable, or the"
                    + " same processor type, gives the same path)");
        }
    }

    private static Set<String> union(Map<String, Double> a, Map<String, Double> b) {
        Set<String> s = new HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static int line(PrintWriter out, String name, Object a, Object b) {
        boolean same = Objects.equals(a, b);
        out.printf("  %-24s %-24s %-24s%s%n", name, a, b, same ? "" : "  <- differs");
        return same ? 0 : 1;
    }

    /** EXPERIMENT/reproduced/TRIAL_ID.TIMESTAMP, outside the trial folder (whose files are checksummed). */
    private static Path freshTarget(Path trialDir) {
        Path abs = trialDir.toAbsolutePath().normalize();
        Path experiment = abs.getParent() != null && abs.getParent().getParent() != null ? abs.getParent().getParent() : abs;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path base = experiment.resolve("reproduced").resolve(abs.getFileName() + "." + stamp);
        Path t = base;
        for (int i = 2; Files.exists(t); i++) {
            t = Path.of(base + "-" + i);
        }
        return t;
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}
