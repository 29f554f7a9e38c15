package org.gansweep.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.numerics.Numerics;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.sweep.TrialParts;
import org.gansweep.core.train.AdversarialTraining;
import org.gansweep.core.train.LossNames;
import org.gansweep.core.train.MklIntelPaths;
import org.gansweep.core.train.TrainingListener;
import org.gansweep.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Trains each trial of a grid for N steps without evaluation or storage and prints one JSON line per
 * trial: steps per second after a warm-up (one step = one D and one G update, as the PyTorch peer counts
 * them) and the process's peak resident memory during that trial.
 */
@Command(name = "bench", description = "Time each trial for N steps; one JSON line per trial with steps_per_second and peak_memory_mb.")
final class BenchCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final GridLoader loader;

    @Inject
    BenchCommand(PluginCatalog catalog) {
        this.catalog = catalog;
        this.loader = new GridLoader(catalog).ignoringClaims(); // bench tests no claim, and may --set an axis to one value
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GRID.yaml", description = "the grid (default: the built-in ring experiment)")
    Path grid;

    @Option(names = "--steps", defaultValue = "500", description = "steps per trial (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "steps not timed at the start (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field in every trial")
    List<String> sets = new ArrayList<>();

    @Option(names = "--memory-at", split = ",", paramLabel = "STEP", description = "also report resident memory (MB) after these steps")
    List<Integer> memoryAt = new ArrayList<>();

    @Mixin
    NumericsChoice numerics = new NumericsChoice();

    @Override
    public Integer call() throws Exception {
        String problem = optionProblem();
        if (problem != null) {
            spec.commandLine().getErr().println("gansweep: " + problem);
            return 2;
        }
        List<String> overrides = new ArrayList<>(sets);
        overrides.add("training.steps=" + steps);
        // Before the grid is loaded: loading counts parameters through libtorch, which reads its code paths once.
        Integer unverified = NumericsChoice.prepare(numerics.resolve(Grids.numericsField(grid)), spec.commandLine().getErr());
        if (unverified != null) {
            return unverified;
        }
        ExperimentGrid g;
        try {
            g = Grids.load(loader, grid, overrides);
        } catch (ConfigException e) {
            return Grids.printErrors(e, spec.commandLine().getErr());
        }
        var out = spec.commandLine().getOut();
        for (Trial t : g.trials()) {
            out.println(Yaml.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(bench(t)));
            out.flush();
        }
        return 0;
    }

    /** What is wrong with the options, or null. */
    private String optionProblem() {
        if (warmup < 0) {
            return "--warmup must be 0 or more steps, got " + warmup;
        }
        if (steps <= warmup) {
            return "--steps must exceed --warmup (" + warmup + "), got " + steps;
        }
        for (int at : memoryAt) {
            if (at < 1 || at > steps) {
                return "--memory-at " + at + " is not a step of this bench (1 to --steps " + steps + "): it would never be measured";
            }
        }
        return null;
    }

    /** Trains the trial, timing the steps after the warm-up; its JSON line. */
    private ObjectNode bench(Trial t) {
        resetPeakMemory();
        AdversarialTraining.Setup setup = TrialParts.setup(catalog, t.config(), false);
        long[] start = {System.nanoTime()};
        ObjectNode rssAt = Yaml.json().createObjectNode();
        TrainingResult r = AdversarialTraining.run(setup, new TrainingListener() {
            @Override
            public void onStep(int step) {
                if (step == warmup) {
                    start[0] = System.nanoTime();
                }
                if (memoryAt.contains(step)) {
                    rssAt.put(Integer.toString(step), memoryMb("VmRSS"));
                }
            }
        });
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        ObjectNode line = Yaml.json().createObjectNode();
        line.put("trial", t.label());
        line.put("setting", t.settingName());
        line.put("status", r.status().name());
        line.put("steps", r.steps());
        line.put("warmup_steps", warmup);
        if (r.steps() > warmup) {
            line.put("steps_per_second", Math.round((r.steps() - warmup) / seconds * 100) / 100.0);
        } else {
            // Ended inside the warm-up (diverged early): no timed step, so no speed to give.
            line.putNull("steps_per_second");
            String why = t.label() + " " + r.status().name() + " at step " + r.steps() + ", inside the " + warmup
                    + " warm-up steps: no speed measured";
            line.put("note", why);
            spec.commandLine().getErr().println("gansweep: bench: " + why);
        }
        line.put("peak_memory_mb", memoryMb("VmHWM"));
        if (!rssAt.isEmpty()) {
            line.set("rss_mb_at_step", rssAt);
        }
        line.put("batch_size", t.config().training().batchSize());
        line.put("intra_op_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        line.put("mkl_intel_paths", MklIntelPaths.state()); // speed differs on AMD
        line.put("numerics", Numerics.current().path().name());
        line.put(LossNames.D_LOSS, r.metrics().get(LossNames.D_LOSS));
        line.put(LossNames.G_LOSS, r.metrics().get(LossNames.G_LOSS));
        return line;
    }

    /** Linux: writing 5 to clear_refs resets the peak resident set size, so each trial's peak is its own. */
    private static void resetPeakMemory() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak then covers the whole process
        }
    }

    private static double memoryMb(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(field + ":")) {
                    return Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 * 10) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }
}
