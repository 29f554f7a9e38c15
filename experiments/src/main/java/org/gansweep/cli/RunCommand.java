package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.sweep.SweepExecutor;
import org.gansweep.core.sweep.SweepFailure;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.reports.ReportBuilder;
import org.gansweep.reports.SequentialClaims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = "Run a sweep (skipping finished trials), then write its report.",
        modelTransformer = ExecutorChoice.Mixins.class)
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
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GRID.yaml", description = "the grid (default: the built-in ring experiment)")
    Path grid;

    @Option(names = "--out", defaultValue = "runs", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--report-every", hidden = true, defaultValue = "60",
            description = "while the sweep runs, rebuild the partial report at most once every N seconds (tests: 0)")
    double reportEverySeconds;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field in every trial, e.g. training.steps=200")
    List<String> sets = new ArrayList<>();

    /** {@code --executor NAME}; each executor's own options are mixed in by {@link ExecutorChoice.Mixins}. */
    @Mixin
    ExecutorChoice executors = new ExecutorChoice();

    @Mixin
    NumericsChoice numerics = new NumericsChoice();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String refused = refusal();
        if (refused != null) {
            err.println("gansweep: " + refused);
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
        SweepExecutor.Factory chosen = executors.chosen(spec);
        if (g.sequential() != null && chosen.detaches()) {
            err.println("gansweep: a grid with sequential seeds takes a look after every round, so its sweep must be followed:"
                    + " leave out --detach");
            return 2;
        }
        Optional<SweepRunner.Outcome> o;
        try (ConsoleProgress console = new ConsoleProgress(err);
                LiveReport progress = new LiveReport(console, reports, out.resolve(g.name()), reportEverySeconds, err)) {
            String busy = executors.workElsewhere(spec, out.resolve(g.name()), err);
            if (busy != null) {
                err.println("gansweep: " + busy);
                return 2;
            }
            SweepRunner runner = new SweepRunner(chosen.create(err));
            o = g.sequential() != null ? Optional.of(new SequentialSweep(catalog, err).run(g, runner, out, progress)) : runner.run(g, out, progress);
        } catch (SweepFailure | ExperimentStore.StoreException | IOException e) {
            err.println("gansweep: " + failure(e));
            return 2;
        }
        // Detached: the trials run on; the same command follows them later and writes the report.
        return o.isPresent() ? report(g, o.get()) : 0;
    }

    /** Why the options cannot run a sweep, or null. */
    private String refusal() {
        if (!(reportEverySeconds >= 0) || Double.isInfinite(reportEverySeconds)) {
            return "--report-every must be 0 or more seconds, got " + reportEverySeconds;
        }
        return executors.refusal(spec);
    }

    /** What a sweep that stopped says (exit 2): the trials that finished are kept whatever stopped it. */
    private String failure(Exception e) {
        if (e instanceof SweepFailure) {
            return e.getMessage() + ". Finished trials are kept; run the same command again to go on.";
        }
        if (e instanceof ExperimentStore.StoreException) {
            return e.getMessage();
        }
        if (e instanceof SequentialClaims.Unreadable) {
            return e.getMessage() + ". Finished trials are kept.";
        }
        return "cannot write results under " + out + ": " + e + " (disk full or folder not writable?). Finished trials are kept;"
                + " run the same command again to go on.";
    }

    /** Writes the final report and prints the count; the exit code of the sweep. */
    private int report(ExperimentGrid g, SweepRunner.Outcome o) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
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
