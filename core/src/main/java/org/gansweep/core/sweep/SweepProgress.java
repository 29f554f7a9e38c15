package org.gansweep.core.sweep;

import java.nio.file.Path;
import java.util.List;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.Trial;
import org.gansweep.core.store.Summary;

/** What a sweep shows while it runs (a progress bar in the CLI, nothing in tests). */
public interface SweepProgress {
    default void started(ExperimentGrid grid, List<Trial> pending, int skipped) {}

    /** Steps done by a running trial (called from the thread that runs or watches it). */
    default void step(Trial trial, int step) {}

    default void finished(Trial trial, Summary summary) {}

    default void done() {}

    /**
     * A trial folder that was recorded finished but no longer holds what it recorded: it was moved to
     * {@code setAside} and the trial runs again. Shown whatever the display (it is about the user's files).
     */
    default void damaged(Trial trial, List<String> problems, Path setAside) {}

    /** A trial another process is training (its lock is held): this sweep leaves it alone. */
    default void busy(Trial trial, String holder) {}

    SweepProgress NONE = new SweepProgress() {};
}
