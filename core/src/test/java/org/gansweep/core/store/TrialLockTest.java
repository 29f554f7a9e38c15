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
}
