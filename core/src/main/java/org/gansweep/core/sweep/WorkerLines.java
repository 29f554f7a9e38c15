package org.gansweep.core.sweep;

import java.util.OptionalInt;

/**
 * The one line a worker process ({@code gansweep trial}, a Slurm task) prints for its sweep to read: {@code progress N},
 * the step it has reached. Everything else it prints goes to its log as it is. Written and read only here.
 */
public final class WorkerLines {
    private static final String PROGRESS = "progress ";

    private WorkerLines() {}

    /** The line that says a worker has reached {@code step}. */
    public static String progress(int step) {
        return PROGRESS + step;
    }

    /** Whether a line is a progress line (kept out of logs shown to people). */
    public static boolean isProgress(String line) {
        return line.startsWith(PROGRESS);
    }

    /** The step a progress line names; empty for any other line, or a progress line cut short. */
    public static OptionalInt step(String line) {
        if (!isProgress(line)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(line.substring(PROGRESS.length()).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
