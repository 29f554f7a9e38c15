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

    /**
     * A trial folder that was recorded finished but no longer holds what it recorded: it was moved to
     * {@code setAside} and the trial runs again. Shown whatever the display (it is about the user's files).
     */
    default void damaged(Trial trial, java.util.List<String> problems, java.nio.file.Path setAside) {}

    /** A trial another process is training (its lock is held): this sweep leaves it alone. */
    default void busy(Trial trial, String holder) {}

    SweepProgress NONE = new SweepProgress() {};
}
