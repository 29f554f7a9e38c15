package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansweep.cli.slurm.SlurmCommands;
import org.gansweep.cli.slurm.SlurmArgs;
import org.gansweep.cli.slurm.SlurmSweep;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.reports.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = "Run a sweep (skipping finished trials), then write its report.")
final class RunCommand implements Callable<Integer> {
    private final PluginCatalog catalog;
    private final ReportBuilder reports;
    private final GridLoader loader;

    @Inject
    RunCommand(PluginCatalog catalog, ReportBuilder reports) {
        this.catalog = catalog;
        this.reports = reports;
        this.loader = new GridLoader(catalog);
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GRID.yaml", description = "the grid (default: the built-in ring experiment)")
    Path grid;

    @Option(names = "--out", defaultValue = "runs", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--report-every", hidden = true, defaultValue = "60",
            description = "while the sweep runs, rebuild the partial report at most once every N seconds (tests: 0)")
    double reportEverySeconds;

    @Option(names = "--workers", defaultValue = "0",
            description = "trials run in parallel, each in its own JVM; 0 (default) = one per CPU core. Results do not depend on it.")
    int workers;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field in every trial, e.g. training.steps=200")
    List<String> sets = new ArrayList<>();

    enum Executor { local, slurm }

    @Option(names = "--executor", defaultValue = "local",
            description = "local (default: worker JVMs on this machine) or slurm (one job array on a shared folder)")
    Executor executor;

    @picocli.CommandLine.Mixin
    NumericsChoice numerics = new NumericsChoice();

    /** The Slurm executor's options (sbatch pass-through, --detach). */
    @picocli.CommandLine.Mixin
    SlurmArgs slurmArgs = new SlurmArgs();

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        if (!(reportEverySeconds >= 0) || Double.isInfinite(reportEverySeconds)) {
            err.println("gansweep: --report-every must be 0 or more seconds, got " + reportEverySeconds);
            return 2;
        }
        if (workers < 0) {
            err.println("gansweep: --workers must be 0 (one per core) or more, got " + workers);
            return 2;
        }
        if (workers == 0) {
            workers = Runtime.getRuntime().availableProcessors();
        }
        if (executor == Executor.local) {
            List<String> slurmOnly = SlurmArgs.given(spec.commandLine().getParseResult());
            if (!slurmOnly.isEmpty()) {
                err.println("gansweep: " + String.join(", ", slurmOnly) + (slurmOnly.size() == 1 ? " goes" : " go")
                        + " with --executor slurm; a local sweep runs on this machine and would ignore "
                        + (slurmOnly.size() == 1 ? "it" : "them") + ": add --executor slurm, or leave "
                        + (slurmOnly.size() == 1 ? "it" : "them") + " out");
                return 2;
            }
        }
        if (executor == Executor.slurm && spec.commandLine().getParseResult().hasMatchedOption("--workers")) {
            err.println("gansweep: --workers goes with the local executor; with --executor slurm each trial is a task of"
                    + " the job array (limit them with --max-running)");
            return 2;
        }
        if (executor == Executor.slurm && slurmArgs.problem() != null) {
            err.println("gansweep: " + slurmArgs.problem());
            return 2;
        }
        // Before the grid is loaded: loading counts parameters through libtorch, which reads its code paths once.
        Integer unverified = NumericsChoice.prepare(numerics.resolve(Grids.numericsField(grid)), err);
        if (unverified != null) {
            return unverified;
        }
        ExperimentGrid g;
        try {
            g = Grids.load(loader, grid, sets);
        } catch (ConfigException e) {
            return Grids.printErrors(e, err);
        }
        if (g.sequential() != null && slurmArgs.detach) {
            err.println("gansweep: a grid with sequential seeds takes a look after every round, so its sweep must be followed:"
                    + " leave out --detach");
            return 2;
        }
        SlurmCommands slurm = new SlurmCommands(slurmArgs.slurmConf);
        SweepRunner.Outcome o;
        try (ConsoleProgress console = new ConsoleProgress(err);
                LiveReport progress = new LiveReport(console, reports, out.resolve(g.name()), reportEverySeconds, err)) {
            if (executor == Executor.slurm) {
                SlurmSweep sweep = new SlurmSweep(slurm, slurmArgs.options(), JvmWorkerLauncher.javaCommand(false), err);
                o = g.sequential() != null
                        ? new SequentialSweep(catalog, err).run(g, out.resolve(g.name()), round -> sweep.run(round, out, false, progress))
                        : sweep.run(g, out, slurmArgs.detach, progress);
                if (o == null) {
                    return 0;
                }
            } else {
                String active = null;
                try {
                    active = SlurmCommands.available() ? SlurmSweep.activeJob(out.resolve(g.name()), slurm) : null;
                } catch (SlurmCommands.SlurmException e) {
                    err.println("gansweep: warning: cannot ask Slurm whether an earlier job array still works on this"
                            + " experiment (" + e.getMessage() + "); trials it is training now are locked and left alone");
                }
                if (active != null) {
                    err.println("gansweep: Slurm job array " + active + " is still working on " + out.resolve(g.name())
                            + "; follow it with the same command and --executor slurm, or cancel it with `scancel " + active + "`");
                    return 2;
                }
                SweepRunner local = new SweepRunner(catalog, new JvmWorkerLauncher());
                o = g.sequential() != null
                        ? new SequentialSweep(catalog, err).run(g, out.resolve(g.name()), round -> local.run(round, out, workers, progress))
                        : local.run(g, out, workers, progress);
            }
        } catch (SlurmCommands.SlurmException e) {
            err.println("gansweep: " + e.getMessage() + ". Finished trials are kept; run the same command again to go on.");
            return 2;
        } catch (ExperimentStore.StoreException e) {
            err.println("gansweep: " + e.getMessage());
            return 2;
        } catch (org.gansweep.reports.SequentialClaims.Unreadable e) {
            err.println("gansweep: " + e.getMessage() + ". Finished trials are kept.");
            return 2;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("a worker could not be run")) {
                err.println("gansweep: a worker JVM could not be started: " + e.getMessage() + " (was the JDK upgraded while the sweep"
                        + " ran?). Finished trials are kept; run the same command again to go on.");
            } else {
                err.println("gansweep: cannot write results under " + out + ": " + e + " (disk full or folder not writable?)."
                        + " Finished trials are kept; run the same command again to go on.");
            }
            return 2;
        }
        ReportBuilder.Report report;
        try {
            report = reports.build(o.dir());
        } catch (IOException e) {
            err.println("gansweep: the trials are stored but the report could not be written: " + e
                    + "; run `gansweep report " + o.dir() + "` once the problem is fixed");
            return 2;
        }
        int trials = o.completed() + o.diverged() + o.failed();
        stdout.printf("%s: %d trials%s, %d run now, %d already finished: %d completed, %d diverged, %d failed%n", g.name(), trials,
                g.sequential() != null ? " of a budget of " + g.trials().size() + " (sequential seeds: see looks.json)" : "",
                o.ran(), o.skipped(), o.completed(), o.diverged(), o.failed());
        for (String d : report.damaged()) {
            err.println("damaged: " + d + " (left out of the report)");
        }
        stdout.println("report: " + report.index());
        return report.damaged().isEmpty() ? o.exitCode() : Math.max(1, o.exitCode());
    }
}
