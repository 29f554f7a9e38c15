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

    @Test
    void squeueLinesGiveEachTasksStateAndTheWholeReason() {
        var tasks = SlurmCommands.parseActive(String.join("\n",
                "0 PENDING PartitionConfig",
                "1 RUNNING None",
                "2 PENDING ReqNodeNotAvail, UnavailableNodes:node[1-2]",
                "3 COMPLETED None",
                "N/A PENDING Priority",
                "4 PENDING",
                ""));
        assertEquals(java.util.List.of(0, 1, 2, 4), java.util.List.copyOf(tasks.keySet()));
        assertTrue(tasks.get(0).pending() && tasks.get(0).reason().cannotClear());
        assertTrue(!tasks.get(1).pending());
        assertEquals("ReqNodeNotAvail, UnavailableNodes:node[1-2]", tasks.get(2).reason().code());
        assertTrue(!tasks.get(2).reason().cannotClear(), "a node that is down may come back");
        assertEquals("None", tasks.get(4).reason().code());
    }

    @Test
    void reasonsAboutTheJobItselfNeverClearAndSayWhatToChange() {
        for (String never : java.util.List.of("PartitionConfig", "PartitionTimeLimit", "PartitionNodeLimit", "BadConstraints",
                "InvalidAccount", "InvalidQOS", "DependencyNeverSatisfied", "QOSMaxWallDurationPerJobLimit")) {
            PendingReason r = new PendingReason(never);
            assertTrue(r.cannotClear(), never);
            assertTrue(r.explained().startsWith(never + ": ") && r.explained().length() > never.length() + 20, r.explained());
        }
        for (String clears : java.util.List.of("Resources", "Priority", "Dependency", "JobArrayTaskLimit", "QOSMaxJobsPerUserLimit",
                "ReqNodeNotAvail", "BeginTime", "JobHeldUser", "None", "partitionconfig")) {
            assertTrue(!new PendingReason(clears).cannotClear(), clears);
            assertEquals(clears, new PendingReason(clears).explained());
        }
        assertEquals("None", new PendingReason(" ").code());
    }
}
