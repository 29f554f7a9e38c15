package org.gansweep.cli.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every Slurm client command runs under a real time limit, whatever it does with its output. */
class SlurmCommandsTest {
    @Test
    void aCommandThatNeverAnswersIsStoppedAtItsTimeLimit() {
        SlurmCommands slurm = new SlurmCommands(null);
        long start = System.nanoTime();
        SlurmCommands.SlurmException e = assertThrows(SlurmCommands.SlurmException.class, () -> slurm.run(1, "sleep", "60"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertTrue(e.getMessage().contains("sleep did not answer in 1 s"), e.getMessage());
        // A command that keeps its output open through a child: the wait still ends.
        long start2 = System.nanoTime();
        assertThrows(SlurmCommands.SlurmException.class, () -> slurm.run(1, "sh", "-c", "echo partial; sleep 60"));
        assertTrue((System.nanoTime() - start2) / 1e9 < 10);
    }

    @Test
    void aCommandThatAnswersGivesItsOutputAndAFailureItsExitCode() throws Exception {
        SlurmCommands slurm = new SlurmCommands(null);
        assertEquals("hello\n", slurm.run(5, "echo", "hello"));
        SlurmCommands.SlurmException e = assertThrows(SlurmCommands.SlurmException.class, () -> slurm.run(5, "sh", "-c", "echo no; exit 3"));
        assertTrue(e.getMessage().contains("failed (exit 3): no"), e.getMessage());
    }
}
