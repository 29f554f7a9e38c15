package org.gansweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gansweep.core.config.Claim;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.ExperimentStore;
import org.gansweep.core.sweep.SweepFailure;
import org.gansweep.core.sweep.SweepProgress;
import org.gansweep.core.sweep.SweepRunner;
import org.gansweep.reports.ClaimTests;
import org.gansweep.reports.ExperimentResults;
import org.gansweep.reports.SequentialClaims;

/**
 * A sweep whose seeds come in rounds ({@code seeds: {sequential: ...}}): round k brings every setting that an
 * undecided claim needs to its k-th number of seeds (every setting gets the first round), through whichever executor
 * runs the sweep; then each undecided claim is looked at ({@link SequentialClaims}) and the look is stored. It stops
 * when every claim is decided or the budget is spent. Looks already stored are never taken again, so a sweep killed
 * or crashed mid-way resumes with the same looks and decisions; a round whose trials did not all finish waits for
 * the rerun that retries them.
 */
final class SequentialSweep {
    private final PluginCatalog catalog;
    private final PrintWriter err;

    SequentialSweep(PluginCatalog catalog, PrintWriter err) {
        this.catalog = catalog;
        this.err = err;
    }

    /**
     * The outcome over every trial run so far; the looks are in EXPERIMENT/looks.json. Each round runs through
     * {@code runner} (skipping the finished trials, as every executor does) into {@code outRoot}.
     */
    SweepRunner.Outcome run(ExperimentGrid grid, SweepRunner runner, Path outRoot, SweepProgress progress)
            throws IOException, ExperimentStore.StoreException, SweepFailure, InterruptedException {
        Path experimentDir = outRoot.resolve(grid.name());
        SequentialClaims.Looks looks = SequentialClaims.read(experimentDir);
        if (looks != null && !looks.plan().equals(grid.sequential())) {
            throw new SequentialClaims.Unreadable(SequentialClaims.file(experimentDir) + " holds looks taken under " + looks.plan()
                    + ", not the grid's " + grid.sequential() + ": the boundaries depend on the plan. Give the plan they were taken with,"
                    + " or another --out", null);
        }
        if (looks == null) {
            looks = new SequentialClaims.Looks(grid.sequential(), ClaimTests.ALPHA, List.of());
        }
        List<Integer> plan = grid.sequential().looks();
        SweepRunner.Outcome last = null;
        int ran = 0;
        for (int k = looks.looks().size(); k < plan.size() && !looks.allDecided(grid.claims()); k++) {
            List<Trial> trials = roundTrials(grid, looks, plan.get(k));
            err.printf(Locale.ROOT, "%s: round %d of at most %d: %d seeds per setting that an undecided claim needs (%d trials)%n",
                    grid.name(), k + 1, plan.size(), plan.get(k), trials.size());
            err.flush();
            last = runner.run(grid.withTrials(trials), outRoot, progress)
                    .orElseThrow(() -> new IllegalStateException("a sequential sweep is followed, never detached"));
            ran += last.ran();
            SequentialClaims.Look look;
            try {
                look = SequentialClaims.take(ExperimentResults.load(experimentDir, catalog), looks, k);
            } catch (SequentialClaims.Waiting e) {
                err.println("gansweep: look " + (k + 1) + " waits: " + e.getMessage() + ". Run the same command again: it retries them and"
                        + " then takes the look.");
                return outcome(grid, experimentDir, ran, last);
            }
            looks.looks().add(look);
            SequentialClaims.write(experimentDir, looks);
            for (SequentialClaims.ClaimLook c : look.claims()) {
                err.printf(Locale.ROOT, "  look %d (%d seeds): \"%s\": statistic %.2f, boundary %.2f: %s%n", look.look(), look.seeds(), c.claim(),
                        c.z(), c.boundary(), c.decision() == null ? "undecided, more seeds" : c.decision());
            }
            err.flush();
        }
        if (last == null) {
            // Every look was taken before (a rerun): nothing to add; make sure the trials that exist are finished.
            err.println(grid.name() + ": every look is taken (" + looks.looks().size() + " of " + plan.size() + "); the looks stand");
        }
        return outcome(grid, experimentDir, ran, last);
    }

    /** The trials of a round: seeds 1..n of every setting an undecided claim needs, and the first round of every setting. */
    static List<Trial> roundTrials(ExperimentGrid grid, SequentialClaims.Looks looks, int seeds) {
        List<Claim> undecided = grid.claims().stream().filter(c -> looks.decided(c.claim()) == null).toList();
        List<Trial> out = new ArrayList<>();
        for (Trial t : grid.trials()) {
            if (t.seed() <= grid.sequential().first() || (t.seed() <= seeds && undecided.stream().anyMatch(c -> SequentialClaims.needs(c, t)))) {
                out.add(t);
            }
        }
        return out;
    }

    /** How the trials that have folders stand (the grid's budget holds seeds never run; they are not failures). */
    private static SweepRunner.Outcome outcome(ExperimentGrid grid, Path dir, int ran, SweepRunner.Outcome last)
            throws IOException, ExperimentStore.StoreException {
        try (ExperimentStore store = ExperimentStore.open(dir)) {
            List<Trial> present = grid.trials().stream().filter(t -> Files.isDirectory(store.trialDir(t.id()))).toList();
            return SweepRunner.tally(store, grid.withTrials(present), ran, Math.max(0, present.size() - ran));
        }
    }
}
