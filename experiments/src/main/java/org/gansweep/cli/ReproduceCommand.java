package org.gansweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.store.Summary;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.core.sweep.TrialRunner;
import org.gansweep.core.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Re-runs a stored trial from its config.yaml alone, in a fresh folder, and says whether every metric and
 * every line of metrics.csv comes out the same. Exit 0 when all match, 1 when something differs.
 */
@Command(name = "reproduce", description = "Re-run a trial from its stored config and report whether every metric matches (exit 0) or not (exit 1).")
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRIAL_DIR", description = "a trial folder, e.g. runs/ring/trials/gan_s1-9391c232")
    Path dir;

    @Option(names = "--into", paramLabel = "DIR", description = "where to run the copy (default: TRIAL_DIR/reproduced, replaced)")
    Path into;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!Files.exists(dir.resolve(ExperimentStore.CONFIG))) {
            err.println("gansweep: " + dir + " has no config.yaml; give a trial folder such as runs/ring/trials/ID");
            return 2;
        }
        Summary stored = SweepRunner.readSummary(dir);
        if (stored == null) {
            err.println("gansweep: " + dir + " has no summary.json: the trial never finished, so there is nothing to compare with");
            return 2;
        }
        Trial trial;
        try {
            trial = SweepRunner.readTrial(Grids.loader(), dir);
        } catch (org.gansweep.core.config.ConfigException e) {
            return Grids.printErrors(e, err);
        }
        Path target = into != null ? into : dir.resolve("reproduced");
        deleteTree(target);
        Files.createDirectories(target);
        Files.copy(dir.resolve(ExperimentStore.CONFIG), target.resolve(ExperimentStore.CONFIG));
        Summary again = new TrialRunner(Main.injector().getInstance(PluginCatalog.class)).run(trial, target, new TrainingListener() {});

        int differences = 0;
        out.printf("trial %s (config hash %s), seed %d%n", trial.id(), trial.hash(), trial.seed());
        out.printf("  %-24s %-24s %-24s%n", "metric", "stored", "reproduced");
        differences += line(out, "status", stored.status(), again.status());
        differences += line(out, "steps", stored.steps(), again.steps());
        Map<String, Double> a = stored.metrics() == null ? Map.of() : stored.metrics();
        Map<String, Double> b = again.metrics() == null ? Map.of() : again.metrics();
        for (String m : new TreeSet<>(union(a, b))) {
            differences += line(out, m, a.get(m), b.get(m));
        }
        Path csvA = dir.resolve(ExperimentStore.METRICS);
        Path csvB = target.resolve(ExperimentStore.METRICS);
        boolean csvSame = Files.exists(csvA) && Files.exists(csvB) && Files.mismatch(csvA, csvB) == -1;
        out.println("  metrics.csv " + (csvSame ? "identical, byte for byte" : "DIFFERS"));
        if (!csvSame) {
            differences++;
        }
        Object storedEngine = stored.provenance() == null ? null : stored.provenance().get("engine_version");
        Object nowEngine = again.provenance() == null ? null : again.provenance().get("engine_version");
        if (!Objects.equals(storedEngine, nowEngine)) {
            out.println("  note: stored with engine " + storedEngine + ", reproduced with " + nowEngine);
        }
        out.println(differences == 0 ? "reproduced: every metric matches" : "NOT reproduced: " + differences + " difference(s); the copy is in " + target);
        return differences == 0 ? 0 : 1;
    }

    private static java.util.Set<String> union(Map<String, Double> a, Map<String, Double> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static int line(java.io.PrintWriter out, String name, Object a, Object b) {
        boolean same = Objects.equals(a, b);
        out.printf("  %-24s %-24s %-24s%s%n", name, a, b, same ? "" : "  <- differs");
        return same ? 0 : 1;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
