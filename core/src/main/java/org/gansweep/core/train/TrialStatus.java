package org.gansweep.core.train;

/**
 * How a trial ended: the one status model of training, summary.json, the sweep and the report. Completed and
 * diverged are final (a rerun of the sweep skips them); failed (an exception, a killed worker) is tried again.
 * The names are what summary.json stores.
 */
public enum TrialStatus {
    completed,
    diverged,
    failed;

    /** Final: the sweep does not run it again. */
    public boolean finished() {
        return this != failed;
    }

    /** The status named {@code s}, or null for any other text. */
    public static TrialStatus parse(String s) {
        for (TrialStatus v : values()) {
            if (v.name().equals(s)) {
                return v;
            }
        }
        return null;
    }
}
