package org.gansweep.core.sweep;

import java.io.IOException;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.Summary;
import org.gansweep.core.train.TrainingListener;

/**
 * Runs the pending trials one after another in this JVM ({@code --workers 1}, or a sweep with one trial to run):
 * no process to start, and the same numbers as a worker's (README: results do not depend on the workers).
 */
public final class InProcessExecutor implements SweepExecutor {
    private final PluginCatalog catalog;

    public InProcessExecutor(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Ending run(Batch batch, SweepProgress progress) throws IOException {
        TrialRunner runner = new TrialRunner(catalog);
        for (Trial t : batch.pending()) {
            Summary s;
            try {
                s = runner.run(t, batch.store().trialDir(t.id()), new TrainingListener() {
                    @Override
                    public void onStep(int step) {
                        progress.step(t, step);
                    }
                });
            } catch (TrialRunner.TrialBusy e) {
                progress.busy(t, e.getMessage());
                continue;
            }
            progress.finished(t, s);
        }
        return Ending.FOLLOWED;
    }
}
