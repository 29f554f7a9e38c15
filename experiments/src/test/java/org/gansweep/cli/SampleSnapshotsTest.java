package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run no longer than one evaluation interval still shows its samples at five steps, and trains the same. */
class SampleSnapshotsTest {
    @Test
    void aShortRunSnapshotsItsSamplesAtQuartersWithoutChangingTraining(@TempDir Path tmp) throws Exception {
        Path grid = Tiny.write(tmp, "g.yaml", Tiny.RING.replace("axes:\n  loss: [gan, lsgan-pearson]\n", "axes:\n  loss: [gan]\n"));
        // 30 steps, evaluations every 40: only step 0 and step 30 are evaluated; snapshots every 30 / 4 = 7 steps.
        Tiny.Result a = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("a").toString(), "--workers", "1",
                "--set", "training.evalEvery=40");
        assertEquals(0, a.code(), a.err());
        // Evaluations every 29 (steps 0, 29, 30): more than one interval, so no snapshots.
        Tiny.Result b = Tiny.cli("run", grid.toString(), "--out", tmp.resolve("b").toString(), "--workers", "1",
                "--set", "training.evalEvery=29");
        assertEquals(0, b.code(), b.err());
        Path ta = only(tmp.resolve("a/tiny/trials"));
        Path tb = only(tmp.resolve("b/tiny/trials"));
        assertEquals(List.of("step_000000.csv", "step_000007.csv", "step_000014.csv", "step_000021.csv", "step_000028.csv",
                "step_000030.csv"), names(ta.resolve("samples")));
        assertEquals(List.of("step_000000.csv", "step_000029.csv", "step_000030.csv"), names(tb.resolve("samples")));
        // Snapshots draw no random numbers: the losses of every logged step are the same in both runs.
        assertEquals(losses(tb), losses(ta));
        // Snapshots are samples only: metrics.csv has evaluated rows for steps 0 and 30 alone.
        assertEquals(List.of("0", "30"), Files.readAllLines(ta.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> f.length > 3 && !f[3].isEmpty()).map(f -> f[0]).toList());
    }

    private static Path only(Path trials) throws Exception {
        try (Stream<Path> s = Files.list(trials)) {
            return s.findFirst().orElseThrow();
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step_")).sorted().toList();
        }
    }

    /** step, d_loss, g_loss of each row that has losses. */
    private static List<String> losses(Path trial) throws Exception {
        return Files.readAllLines(trial.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> !f[1].isEmpty()).map(f -> f[0] + "," + f[1] + "," + f[2]).toList();
    }
}
