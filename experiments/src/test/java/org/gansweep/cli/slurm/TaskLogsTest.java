package org.gansweep.cli.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLogsTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheLastCompleteProgressLine() throws Exception {
        assertEquals(-1, TaskLogs.lastProgress(tmp.resolve("missing.log")));
        Path log = Files.writeString(tmp.resolve("1_0.log"), "");
        assertEquals(-1, TaskLogs.lastProgress(log));
        Files.writeString(log, "gansweep: task 1_0 on vm trains /x with 1 thread(s)\nprogress 30\nprogress 60\n");
        assertEquals(60, TaskLogs.lastProgress(log));
        // A line still being written does not count; nor does a line that is not a step.
        Files.writeString(log, "progress 30\nprogress 60\nprogress 9", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(60, TaskLogs.lastProgress(log));
        Files.writeString(log, "progress 30\nprogress of the evaluation\nWARNING: something\n");
        assertEquals(30, TaskLogs.lastProgress(log));
    }

    @Test
    void aLongLogIsReadFromItsEndAndALineCutThereIsNotMisread() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            sb.append("progress ").append(i * 10).append('\n');
        }
        Path log = Files.writeString(tmp.resolve("2_1.log"), sb);
        assertEquals(20000, TaskLogs.lastProgress(log));
        // The 4,096 bytes read begin inside "note: progress 99": that piece is not taken for a step.
        String tail = "progress 99\n" + "z".repeat(4096 - 13) + "\n";
        assertEquals(4096, tail.length());
        Files.writeString(log, "progress 5\nnote: " + tail);
        assertEquals(-1, TaskLogs.lastProgress(log));
    }
}
