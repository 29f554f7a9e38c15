package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.numerics.NumericsMode;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.core.sweep.TrialRunner;
import org.gansweep.core.sweep.WorkerLines;
import org.gansweep.core.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The worker process of a parallel sweep: trains one trial folder prepared by {@code run}. */
@Command(name = "trial", hidden = true, description = "Train one prepared trial folder (used by run --workers N).")
final class TrialCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final GridLoader loader;

    @Inject
    TrialCommand(PluginCatalog catalog) {
        this.catalog = catalog;
        this.loader = new GridLoader(catalog);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRIAL_DIR")
    Path dir;

    @Option(names = "--clear-earlier-attempt",
            description = "first clear what an earlier attempt left (Slurm tasks: a requeued task may find one)")
    boolean clearEarlierAttempt;

    @Option(names = "--sweep-pipe", hidden = true,
            description = "halt as soon as stdin ends: the sweep that started this worker holds it open while it lives")
    boolean sweepPipe;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (sweepPipe) {
            SweepWatch.haltWhenSweepEnds(System.in);
        }
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve(TrialFolder.CONFIG))) {
            spec.commandLine().getErr().println("gansweep: " + dir + " is not a prepared trial folder (it has no config.yaml);"
                    + " `gansweep run GRID` prepares and runs trials");
            return 2;
        }
        // Before the trial is read (reading counts parameters through libtorch). A worker or Slurm task inherits its sweep's code paths; the self-test checks them again here (cached per
        // machine type), so a task on a node of another processor type never trains on a path that fails there.
        Integer unverified = NumericsChoice.prepare(NumericsMode.FASTEST, spec.commandLine().getErr());
        if (unverified != null) {
            return unverified;
        }
        Trial t;
        try {
            t = SweepRunner.readTrial(loader, dir);
        } catch (ConfigException e) {
            return Grids.printErrors(e, spec.commandLine().getErr());
        } catch (IOException e) {
            spec.commandLine().getErr().println("gansweep: " + e.getMessage());
            return 2;
        }
        TrialFolder folder = new TrialFolder(dir);
        if (folder.inspect().finished()) {
            // A Slurm task started again (requeued) after its trial finished: the result stands.
            out.println("finished already: " + dir);
            return 0;
        }
        int total = t.config().training().steps();
        int every = Math.max(1, total / 100);
        Summary s;
        try {
            s = new TrialRunner(catalog).run(t, dir, new TrainingListener() {
                @Override
                public void onStep(int step) {
                    if (step % every == 0 || step == total) {
                        out.println(WorkerLines.progress(step));
                        out.flush();
                    }
                }
            }, clearEarlierAttempt);
        } catch (TrialRunner.TrialBusy e) {
            spec.commandLine().getErr().println("gansweep: " + e.getMessage() + "; this worker leaves it alone");
            return 4;
        }
        if (s.error() != null) {
            spec.commandLine().getErr().println(s.error());
        }
        return s.completed() ? 0 : 1;
    }
}
