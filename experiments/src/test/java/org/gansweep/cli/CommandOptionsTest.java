package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option is checked against the command it is given to: one that cannot apply is refused, never ignored. */
class CommandOptionsTest {
    @TempDir
    Path tmp;

    private Tiny.Result run(String... extra) throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        String[] args = new String[extra.length + 4];
        args[0] = "run";
        args[1] = grid.toString();
        args[2] = "--out";
        args[3] = tmp.resolve("runs").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Tiny.cli(args);
    }

    @Test
    void slurmOptionsWithoutTheSlurmExecutorAreRefusedBeforeAnythingRuns() throws Exception {
        Tiny.Result r = run("--partition", "gpu", "--time", "4:00:00");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--partition, --time go with --executor slurm"), r.err());
        assertFalse(Files.exists(tmp.resolve("runs")), "a local sweep started");
        for (String[] one : new String[][] {{"--cpus-per-task", "2"}, {"--max-running", "3"}, {"--sbatch-arg=--qos=long"}, {"--detach"},
                {"--mem", "8G"}, {"--gres", "gpu:1"}, {"--account", "lab"}}) {
            Tiny.Result o = run(one);
            assertEquals(2, o.code(), String.join(" ", one) + ": " + o.err());
            assertTrue(o.err().contains(one[0].replaceAll("=.*", "") + " goes with --executor slurm"), o.err());
        }
        Tiny.Result w = run("--executor", "slurm", "--workers", "2");
        assertEquals(2, w.code());
        assertTrue(w.err().contains("--workers goes with the local executor"), w.err());
    }

    @Test
    void valuesThatWouldBreakTheJobScriptAreRefused() throws Exception {
        Tiny.Result nl = run("--executor", "slurm", "--sbatch-arg=--qos=long\necho injected");
        assertEquals(2, nl.code());
        assertTrue(nl.err().contains("--sbatch-arg must be one sbatch option on one line") && nl.err().contains("\\necho injected"), nl.err());
        Tiny.Result notAnOption = run("--executor", "slurm", "--sbatch-arg=qos=long");
        assertEquals(2, notAnOption.code());
        Tiny.Result partition = run("--executor", "slurm", "--partition", "gpu\nrm -rf ~");
        assertEquals(2, partition.code());
        assertTrue(partition.err().contains("--partition must be one word"), partition.err());
        Tiny.Result blank = run("--executor", "slurm", "--time", " ");
        assertEquals(2, blank.code());
        assertFalse(Files.exists(tmp.resolve("runs")));
    }

    @Test
    void benchRefusesAWarmUpOrMemoryStepItCannotHonour() throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Tiny.Result negative = Tiny.cli("bench", grid.toString(), "--warmup", "-5");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("--warmup must be 0 or more steps, got -5"), negative.err());
        Tiny.Result never = Tiny.cli("bench", grid.toString(), "--steps", "10", "--warmup", "2", "--memory-at", "99999");
        assertEquals(2, never.code());
        assertTrue(never.err().contains("--memory-at 99999 is not a step of this bench (1 to --steps 10)"), never.err());
        Tiny.Result zero = Tiny.cli("bench", grid.toString(), "--steps", "10", "--warmup", "2", "--memory-at", "5,0");
        assertEquals(2, zero.code());
        Tiny.Result few = Tiny.cli("bench", grid.toString(), "--steps", "5");
        assertEquals(2, few.code());
        assertTrue(few.err().contains("--steps must exceed --warmup (20), got 5"), few.err());
        assertEquals("", negative.out() + never.out() + zero.out() + few.out(), "nothing was measured");
    }

    @Test
    void aReportIntervalThatIsNoDurationIsRefused() throws Exception {
        for (String bad : new String[] {"-1", "NaN", "Infinity"}) {
            Tiny.Result r = run("--report-every", bad);
            assertEquals(2, r.code(), bad + ": " + r.out() + r.err());
            assertTrue(r.err().contains("--report-every must be 0 or more seconds"), r.err());
            assertFalse(Files.exists(tmp.resolve("runs")), "a sweep started");
        }
    }
}
