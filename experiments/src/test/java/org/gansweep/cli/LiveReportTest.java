package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27: while a sweep runs its report grows, marked partial; the end makes it final; a kill leaves it partial. */
class LiveReportTest {
    @TempDir
    Path tmp;

    private static final Pattern PARTIAL = Pattern.compile("Partial report: (\\d+) of (\\d+) trials finished");

    /** Three trials in turn, each a few seconds; a partial report after each one. */
    private Process sweep(String name, int steps) throws Exception {
        String grid = Tiny.RING.replace("name: tiny", "name: " + name).replace("seeds: [1]", "seeds: [1, 2, 3]")
                .replace("loss: [gan, lsgan-pearson]", "loss: [gan]")
                .replace("steps: 30, batchSize: 32, evalEvery: 10, evalSamples: 200, logEvery: 5",
                        "steps: " + steps + ", batchSize: 32, evalEvery: " + steps + ", evalSamples: 200, logEvery: 100");
        Path file = Tiny.write(tmp, name + ".yaml", grid);
        List<String> cmd = JvmWorkerLauncher.javaCommand(true);
        cmd.addAll(List.of("run", file.toString(), "--out", tmp.resolve("runs").toString(), "--workers", "1", "--report-every", "0"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
    }

    /** The report's page once it exists and is marked partial with at least one trial finished; null if it never was. */
    private static String partialWhileRunning(Process p, Path index) throws Exception {
        while (p.isAlive()) {
            if (Files.exists(index)) {
                String html = Files.readString(index);
                if (PARTIAL.matcher(html).find()) {
                    return html;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    @Test
    void theReportIsPartialWhileTheSweepRunsAndFinalAtItsEnd() throws Exception {
        Process p = sweep("live", 3000);
        Path index = tmp.resolve("runs/live/report/index.html");
        try {
            String html = partialWhileRunning(p, index);
            assertTrue(html != null, "no partial report appeared while the sweep ran: " + Files.readString(tmp.resolve("live.log")));
            Matcher m = PARTIAL.matcher(html);
            assertTrue(m.find());
            assertTrue(Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) < 3, m.group());
            assertEquals("3", m.group(2));
            assertTrue(html.contains("content=\"partial\""), "not marked for machines");
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("live.log")));
        } finally {
            p.destroyForcibly();
        }
        String done = Files.readString(index);
        assertFalse(done.contains("Partial report"), "the final report still says partial");
        assertTrue(done.contains("content=\"final\""));
    }

    @Test
    void aSweepKilledMidwayLeavesAReportThatSaysItIsPartial() throws Exception {
        Process p = sweep("killed", 3000);
        Path index = tmp.resolve("runs/killed/report/index.html");
        try {
            String html = partialWhileRunning(p, index);
            assertTrue(html != null, "no partial report appeared: " + Files.readString(tmp.resolve("killed.log")));
            p.destroyForcibly();
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        String left = Files.readString(index);
        assertTrue(PARTIAL.matcher(left).find() && left.contains("If the sweep is no longer running, it was interrupted"), left);
    }
}
