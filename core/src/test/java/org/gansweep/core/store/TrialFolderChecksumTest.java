package org.gansweep.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksums summary.json keeps of a trial's files: what run, report and reproduce check them against. */
class TrialFolderChecksumTest {
    @TempDir
    Path tmp;

    @Test
    void aFilesChecksumIsItsSha256AsSha256sumPrintsIt() throws Exception {
        Path f = Files.writeString(tmp.resolve("metrics.csv"), "step,d_loss\n0,1.5\n");
        // printf 'step,d_loss\n0,1.5\n' | sha256sum
        assertEquals("36b72edf42b15e36e56c61e5dcfcdebfbeb82bc8cc2fdaf19db65333b35185f0", TrialFolder.sha256(f));
        // The empty file: sha256sum /dev/null
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                TrialFolder.sha256(Files.writeString(tmp.resolve("empty"), "")));
    }
}
