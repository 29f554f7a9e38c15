package org.gansweep.core.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Provenance;
import org.gansweep.core.store.Summary;
import org.gansweep.core.store.TrialFolder;
import org.gansweep.core.store.TrialLock;
import org.gansweep.core.store.TrialProvenance;
import org.gansweep.core.store.TrialRecorder;
import org.gansweep.core.train.AdversarialTraining;
import org.gansweep.core.train.Checkpoints;
import org.gansweep.core.train.TrainingListener;
import org.gansweep.core.train.TrainingListeners;
import org.gansweep.core.train.TrainingResult;
import org.gansweep.core.train.TrialStatus;

/** Trains one trial into its folder and writes its summary, whatever happens. */
public final class TrialRunner {
    private final PluginCatalog catalog;

    public TrialRunner(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Runs the trial under its {@link TrialLock}; never throws for a training failure: it is recorded as
     * {@code failed}. Throws {@link TrialBusy} when another process is training the same trial.
     */
    public Summary run(Trial trial, Path trialDir, TrainingListener progress) throws IOException {
        return run(trial, trialDir, progress, false);
    }

    /**
     * As {@link #run(Trial, Path, TrainingListener)}; with {@code clearEarlierAttempt}, what an earlier attempt
     * left (a Slurm task requeued or restarted after pre-emption) is cleared under the lock first, as a sweep
     * does before it starts a worker.
     */
    public Summary run(Trial trial, Path trialDir, TrainingListener progress, boolean clearEarlierAttempt) throws IOException {
        Optional<TrialLock> lock = TrialLock.tryAcquire(trialDir);
        if (lock.isEmpty()) {
            throw new TrialBusy(trial.id() + " is being trained by another process (" + TrialLock.describeHolder(trialDir) + ")");
        }
        try (TrialLock held = lock.get()) {
            if (clearEarlierAttempt) {
                new TrialFolder(trialDir).clearForRetry();
            }
            return runLocked(trial, trialDir, progress);
        }
    }

    /** Another process holds the trial's lock: nothing was written. */
    public static final class TrialBusy extends IOException {
        public TrialBusy(String message) {
            super(message);
        }
    }

    private Summary runLocked(Trial trial, Path trialDir, TrainingListener progress) throws IOException {
        long start = System.nanoTime();
        try {
            return runUnlessUnreadable(trial, trialDir, progress, start);
        } catch (Checkpoints.Unreadable e) {
            // The rest of the sweep goes on; this trial starts again from step 0, its checkpoint kept aside with why.
            Path aside = new TrialFolder(trialDir).setAsideCheckpoint(e.getMessage());
            System.err.println("gansweep: " + trial.id() + ": " + e.getMessage() + "; the checkpoint is set aside in " + aside
                    + " and the trial starts again from step 0");
            return runUnlessUnreadable(trial, trialDir, progress, System.nanoTime());
        }
    }

    private Summary runUnlessUnreadable(Trial trial, Path trialDir, TrainingListener progress, long start) throws IOException {
        TrainingResult result;
        String error = null;
        try {
            AdversarialTraining.Setup setup = TrialParts.setup(catalog, trial.config(), true);
            Checkpoints checkpoints = trial.config().training().checkpointEvery() > 0
                    ? new Checkpoints(new TrialFolder(trialDir).checkpoint()) : Checkpoints.NONE;
            int resumeAfter = checkpoints.exists() ? checkpoints.loopState().step() : -1;
            try (TrialRecorder recorder = new TrialRecorder(trialDir, TrialParts.metricNames(setup), resumeAfter)
                    .withClassNames(setup.architecture().conditional() ? setup.dataset().classNames() : List.of())) {
                result = AdversarialTraining.run(setup, TrainingListeners.of(recorder, progress), checkpoints);
            }
        } catch (Checkpoints.Unreadable e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm && !(e instanceof OutOfMemoryError)) {
                throw vm;
            }
            result = new TrainingResult(TrialStatus.failed, 0, null, Map.of());
            error = describe(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Summary summary = new Summary(trial.id(), result.status(), new LinkedHashMap<>(result.metrics()),
                trial.seed(), result.steps(), Math.round(seconds * 1000) / 1000.0, result.divergedAtStep(), error,
                trial.setting(), trial.hash(), provenance(trial), null);
        new TrialFolder(trialDir).writeSummary(summary);
        return summary;
    }

    static TrialProvenance provenance(Trial trial) {
        try {
            return Provenance.collect(trial.hash(), trial.seed());
        } catch (RuntimeException e) {
            return TrialProvenance.uncollected(trial.hash(), trial.seed(), String.valueOf(e));
        }
    }



    static String describe(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        String trace = sw.toString();
        String[] lines = trace.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 12); i++) {
            sb.append(lines[i].stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
