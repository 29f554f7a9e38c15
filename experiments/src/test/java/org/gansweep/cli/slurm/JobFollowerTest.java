package org.gansweep.cli.slurm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFollowerTest {
    @Test
    void aSchedulerThatStopsAnsweringStopsTheSweepAsASlurmFailureNotAsAWriteError(@TempDir Path dir) throws Exception {
        // squeue with a slurm.conf it cannot parse fails at once (where squeue is not installed, running it fails too);
        // polling every 61 s, the first miss is already past the minute the follower waits.
        Path garbled = Files.writeString(dir.resolve("slurm.conf"), "not a slurm configuration\n");
        SlurmCommands silent = new SlurmCommands(garbled);
        SlurmJob job = new SlurmJob("4242", List.of("gan_s1-00000000"), "array.sbatch", "2026-01-01T00:00:00Z");
        JobFollower follower = new JobFollower(silent, 61, new PrintWriter(new StringWriter()), job, null, Map.of(), null);
        SlurmCommands.SlurmException e = assertThrows(SlurmCommands.SlurmException.class, follower::waitForEnd);
        assertTrue(e.getMessage().startsWith("squeue has not answered for a minute ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("job 4242 goes on without this command"), e.getMessage());
    }
}
