package org.gansweep.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trial locks: one holder at a time, outside the trial folder, and none for folders outside an experiment. */
class TrialLockTest {
    @Test
    void aTrialHasOneHolderAndItsLockFileLivesBesideTrials(@TempDir Path tmp) throws Exception {
        Path trial = Files.createDirectories(tmp.resolve("exp/trials/gan_s1-abc"));
        assertFalse(TrialLock.heldElsewhere(trial));
        Optional<TrialLock> first = TrialLock.tryAcquire(trial);
        assertTrue(first.isPresent());
        assertTrue(TrialLock.tryAcquire(trial).isEmpty(), "a second holder got the lock");
        assertTrue(TrialLock.heldElsewhere(trial));
        assertTrue(TrialLock.describeHolder(trial).startsWith("pid " + ProcessHandle.current().pid() + " on "), TrialLock.describeHolder(trial));
        first.get().close();
        assertFalse(TrialLock.heldElsewhere(trial));
        assertTrue(Files.isRegularFile(tmp.resolve("exp/locks/gan_s1-abc.lock")));
        // Nothing was written into the trial folder itself: clearing a failed attempt never meets the lock.
        try (var list = Files.list(trial)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void aFolderOutsideAnExperimentGetsALockThatWritesNothing(@TempDir Path tmp) throws Exception {
        Path into = Files.createDirectories(tmp.resolve("somewhere/copy"));
        try (TrialLock l = TrialLock.tryAcquire(into).orElseThrow()) {
            assertTrue(TrialLock.tryAcquire(into).isPresent());
            assertFalse(TrialLock.heldElsewhere(into));
        }
        assertFalse(Files.exists(tmp.resolve("locks")));
        assertFalse(Files.exists(tmp.resolve("somewhere/locks")));
    }

    /** The pid of a process that has ended (pids are reused only after the kernel has gone round them all). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aWorkerWhoseSweepIsGoneIsAnOrphanAndNothingElseIs(@TempDir Path tmp) throws Exception {
        Path trial = Files.createDirectories(tmp.resolve("exp/trials/gan_s1-abc"));
        Path lock = Files.createDirectories(tmp.resolve("exp/locks")).resolve("gan_s1-abc.lock");
        long me = ProcessHandle.current().pid();
        String host = Provenance.host();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        // A worker (this live process) of a sweep that is gone: the one case to wait for.
        Files.writeString(lock, "pid " + me + " on " + host + ", worker of sweep pid " + deadPid() + "\n");
        assertEquals(Optional.of(me), TrialLock.orphanHolder(trial).map(ProcessHandle::pid), TrialLock.describeHolder(trial));
        // Its sweep alive: a worker at work.
        Files.writeString(lock, "pid " + me + " on " + host + ", worker of sweep pid " + live + "\n");
        assertTrue(TrialLock.orphanHolder(trial).isEmpty());
        // A worker on another host: this host cannot tell, so it never waits on it.
        Files.writeString(lock, "pid " + me + " on elsewhere-" + host + ", worker of sweep pid " + deadPid() + "\n");
        assertTrue(TrialLock.orphanHolder(trial).isEmpty());
        // A sweep or a Slurm task (no sweep parent), and a holder that is itself gone.
        Files.writeString(lock, "pid " + me + " on " + host + ", Slurm task 7_1\n");
        assertTrue(TrialLock.orphanHolder(trial).isEmpty());
        Files.writeString(lock, "pid " + deadPid() + " on " + host + ", worker of sweep pid " + deadPid() + "\n");
        assertTrue(TrialLock.orphanHolder(trial).isEmpty());
        Files.writeString(lock, "garbage");
        assertTrue(TrialLock.orphanHolder(trial).isEmpty());
    }

    @Test
    void aWorkersLockNamesItsSweep(@TempDir Path tmp) throws Exception {
        Path trial = Files.createDirectories(tmp.resolve("exp/trials/gan_s1-abc"));
        TrialLock.recordSweepParent(42);
        try (TrialLock l = TrialLock.tryAcquire(trial).orElseThrow()) {
            assertTrue(TrialLock.describeHolder(trial).endsWith(", worker of sweep pid 42"), TrialLock.describeHolder(trial));
        } finally {
            TrialLock.recordSweepParent(0);
        }
    }
}
