package org.gansweep.cli.slurm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.gansweep.core.sweep.WorkerLines;

/** What the follower reads from a running task's log: the last {@code progress N} line `gansweep trial` printed. */
final class TaskLogs {
    /** Only the end of a log is read: progress lines are short, and a long log is not read whole at every poll. */
    private static final int TAIL = 4096;

    private TaskLogs() {}

    /**
     * The step of the last complete {@code progress N} line in {@code log}, or -1 when there is none yet (no log,
     * nothing printed, or only a line still being written).
     */
    static int lastProgress(Path log) {
        String[] lines;
        boolean whole;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(TAIL, length);
            byte[] bytes = new byte[n];
            f.seek(length - n);
            f.readFully(bytes);
            whole = n == length;
            lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException e) {
            return -1; // not written yet, or gone: the follower asks again at its next poll
        }
        // The last piece has no newline yet (a line being written, or ""); the first is cut unless the tail is
        // the whole file.
        for (int i = lines.length - 2; i >= (whole ? 0 : 1); i--) {
            OptionalInt step = WorkerLines.step(lines[i]);
            if (step.isPresent()) {
                return step.getAsInt();
            }
        }
        return -1;
    }
}
