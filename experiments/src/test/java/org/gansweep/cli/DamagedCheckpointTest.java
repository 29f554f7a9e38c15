package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted trial whose checkpoint cannot be read back (cut short, garbage, nonsense) is set aside with a reason
 * and restarts from step 0, with the numbers an uninterrupted run gives; the other trials of the sweep go on.
 */
class DamagedCheckpointTest {
    @TempDir
    Path tmp;

    private static final String GRID = Tiny.RING.replace("logEvery: 5}", "logEvery: 5, checkpointEvery: 10}")
            .replace("  loss: [gan, lsgan-pearson]", "  loss: [gan, lsgan-pearson, lsgan-binary]");

    private static List<Path> trials(Path exp) throws Exception {
        try (Stream<Path> s = Files.list(exp.resolve("trials"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void unreadableCheckpointsAreSetAsideAndTheirTrialsStartAgain() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", GRID);
        Path out = tmp.resolve("runs");
        assertEquals(0, Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1").code());
        Path exp = out.resolve("tiny");
        Map<String, String> uninterrupted = new TreeMap<>();
        for (Path t : trials(exp)) {
            uninterrupted.put(t.getFileName().toString(), Files.readString(t.resolve("metrics.csv")));
            assertTrue(Files.exists(t.resolve("checkpoint/state.json")), t + " kept no checkpoint");
            Files.delete(t.resolve("summary.json")); // as if each was killed after its last checkpoint
        }
        List<Path> t = trials(exp);
        Path cut = t.get(0).resolve("checkpoint/generator.params");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), (int) Files.size(cut) / 2));
        Files.writeString(t.get(1).resolve("checkpoint/state.json"), "{not json at all");
        Files.writeString(t.get(2).resolve("checkpoint/state.json"), "{\"step\": -7, \"dWindow\": [], \"gWindow\": [], \"lastMetrics\": {}}");

        Tiny.Result again = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("3 completed, 0 diverged, 0 failed"), again.out());
        assertFalse(again.err().contains("disk full"), again.err());

        for (Path trial : trials(exp)) {
            assertEquals(uninterrupted.get(trial.getFileName().toString()), Files.readString(trial.resolve("metrics.csv")),
                    trial + " restarted with other numbers");
        }
        StringBuilder notes = new StringBuilder();
        try (Stream<Path> s = Files.list(exp.resolve("set-aside"))) {
            List<Path> aside = s.toList();
            assertEquals(3, aside.size(), aside.toString());
            for (Path a : aside) {
                notes.append(Files.readString(a.resolve("SET-ASIDE.txt")));
                assertTrue(Files.exists(a.resolve("checkpoint")), "the damaged checkpoint was not kept: " + a);
            }
        }
        for (String why : List.of("generator.params cannot be read back", "state.json cannot be read", "state.json holds no usable loop state")) {
            assertTrue(notes.toString().contains(why), why + " in " + notes);
        }
        // Once set aside, never again: a third run has nothing to do.
        Tiny.Result third = Tiny.cli("run", grid.toString(), "--out", out.toString(), "--workers", "1");
        assertEquals(0, third.code());
        assertTrue(third.out().contains("0 run now, 3 already finished"), third.out());
    }
}
