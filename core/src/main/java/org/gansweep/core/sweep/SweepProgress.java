package org.gansweep.core.sweep;

import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.Summary;

/** What a sweep shows while it runs (a progress bar in the CLI, nothing in tests). */
public interface SweepProgress {
    default void started(ExperimentGrid grid, java.util.List<Trial> pending, int skipped) {}

    /** Steps done by a running trial (called from the thread that runs or watches it). */
    default void step(Trial trial, int step) {}

    default void finished(Trial trial, Summary summary) {}

    default void done() {}

    SweepProgress NONE = new SweepProgress() {};
}
