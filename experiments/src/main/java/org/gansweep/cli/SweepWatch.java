package org.gansweep.cli;

import java.io.IOException;
import java.io.InputStream;
import org.gansweep.core.store.TrialLock;

/**
 * A worker never outlives its sweep. The sweep holds the worker's stdin open and writes nothing to it; the kernel
 * closes that pipe when the sweep process ends, however it ends (kill -9 included), so end of input is the moment
 * the sweep is gone. The worker then halts on the spot: no result, no checkpoint, no summary is written after it,
 * and its trial lock ends with it, so a rerun takes the trial over instead of racing it. (Polling the parent's pid
 * would leave seconds in which an orphan goes on writing; a Slurm task's parent is its batch script, which lives as
 * long as the task, so tasks are not watched.)
 */
final class SweepWatch {
    /** Exit code of a worker that stopped because its sweep ended. */
    static final int SWEEP_GONE = 3;

    private SweepWatch() {}

    static void haltWhenSweepEnds(InputStream fromSweep) {
        ProcessHandle.current().parent().ifPresent(p -> TrialLock.recordSweepParent(p.pid()));
        Thread watch = new Thread(() -> {
            try {
                while (fromSweep.read() >= 0) {
                    // The sweep writes nothing; anything read is ignored.
                }
            } catch (IOException e) {
                // A broken pipe says the same as its end.
            }
            Runtime.getRuntime().halt(SWEEP_GONE);
        }, "sweep-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
