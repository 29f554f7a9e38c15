package org.gansweep.core.sweep;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.ExperimentStore;

/**
 * What runs a sweep's pending trials and follows them to their end: one at a time in this JVM
 * ({@link InProcessExecutor}), in worker JVMs on this machine ({@link WorkerPoolExecutor}), or as a Slurm job array
 * (the CLI's {@code cli/slurm/}). {@link SweepRunner} keeps the one outline around it (the experiment folder,
 * sweep.json, sorting the trials, the busy ones, the count); an executor does only the part that differs.
 *
 * <p>A new executor is its class and its {@link Factory} (which holds its command-line options), bound by its
 * {@code --executor} name in the CLI's Guice module: {@code SweepExecutor.executors(binder()).addBinding("name").to(MyArgs.class)}.
 */
public interface SweepExecutor {
    /** How a batch of trials ended for this process. */
    enum Ending {
        /** Every trial of the batch has ended, and each end was shown ({@link SweepProgress#finished}). */
        FOLLOWED,
        /** The trials run on without this process (a detached Slurm job array): there is nothing to count yet. */
        DETACHED
    }

    /**
     * The trials an executor is given.
     *
     * @param pending the trials to run now: their earlier attempts cleared, their config.yaml written
     * @param skipped how many of the grid's trials were already finished
     */
    record Batch(ExperimentStore store, ExperimentGrid grid, List<Trial> pending, int skipped) {}

    /** Work this executor had begun earlier and took up again: how many trials it held, and how it ended. */
    record Resumed(int trials, Ending ending) {}

    /**
     * Takes up work this executor left running on the experiment (a Slurm job array of a detached or stopped
     * {@code run}) instead of starting its trials again; empty when there is none. Called before the trials are
     * sorted, when nothing of the experiment but sweep.json has been written.
     */
    default Optional<Resumed> resume(ExperimentStore store, ExperimentGrid grid, SweepProgress progress)
            throws IOException, SweepFailure, InterruptedException {
        return Optional.empty();
    }

    /** Runs the batch's pending trials, showing each one's steps and end (or leaves them running: {@link Ending#DETACHED}). */
    Ending run(Batch batch, SweepProgress progress) throws IOException, SweepFailure, InterruptedException;

    /**
     * Whether a sweep with no trial to run ends without being shown started (no count line). The Slurm executor
     * has always said nothing when it had nothing to submit; a local sweep prints "N trials, N already finished".
     */
    default boolean quietWhenNothingToRun() {
        return false;
    }

    /**
     * An executor as {@code run --executor NAME} names it: an object holding the executor's command-line options
     * (the command line fills its annotated fields; every bound executor's options are options of {@code run}, so
     * that an option of another executor is refused by name, never ignored), their checks, and the executor made
     * from them.
     */
    interface Factory {
        /** Where this executor runs trials, in a few words for {@code run --help} ("one job array on a shared folder"). */
        String summary();

        /** What is wrong with the option values when this executor runs the sweep, or null. */
        default String problem() {
            return null;
        }

        /** Why this executor's options that were given ({@code given}, never empty) cannot apply when another runs the sweep. */
        String misplaced(List<String> given);

        /** Whether the executor will return before the trials end (a sweep that must be followed refuses that). */
        default boolean detaches() {
            return false;
        }

        /**
         * Why another executor must not run the experiment now (work of this one is still running there), or null.
         * A question it cannot get answered is a warning on {@code err}, not a refusal.
         */
        default String workInFlight(Path experimentDir, PrintWriter err) throws IOException, InterruptedException {
            return null;
        }

        /** The executor, with these options; it reports what it does beyond the progress display on {@code err}. */
        SweepExecutor create(PrintWriter err);
    }

    /** The executors by their {@code --executor} name. */
    static MapBinder<String, Factory> executors(Binder binder) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), TypeLiteral.get(Factory.class));
    }
}
