package org.gansweep.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.store.TrialFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoredTrial}: a folder that holds exactly the grid's trial takes the grid's resolution (the test reads it
 * with a loader that knows no plug-in, which could not resolve it again); anything else is read back and checked.
 */
class StoredTrialTest {
    private static final GridLoader REAL = new GridLoader(StoredExperiment.INJECTOR.getInstance(PluginCatalog.class));
    /** A loader with no plug-ins: resolving any config with it fails. */
    private static final GridLoader NONE = new GridLoader(new PluginCatalog(Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));

    private static Trial gridTrial() throws ConfigException {
        return REAL.parse(StoredExperiment.GRID, "grid.yaml", List.of()).trials().get(1);
    }

    private static TrialFolder stored(Path tmp, Trial t) throws IOException {
        TrialFolder f = new TrialFolder(tmp.resolve(t.id()));
        f.writeConfig(t);
        return f;
    }

    @Test
    void aFolderThatHoldsTheGridsTrialTakesItsResolution(@TempDir Path tmp) throws Exception {
        Trial t = gridTrial();
        Trial read = StoredTrial.read(stored(tmp, t), NONE, t);
        assertSame(t.config(), read.config());
        assertEquals(t.id(), read.id());
        assertEquals(t.label(), read.label());
        assertEquals(t.setting(), read.setting());
        assertEquals(t.hash(), read.hash());
        // Resolving it again gives the same trial.
        Trial again = StoredTrial.read(stored(tmp, t), REAL, null);
        assertEquals(t.config(), again.config());
        assertEquals(t.resolved(), again.resolved());
        assertEquals(t.id(), again.id());
    }

    @Test
    void anEditedConfigIsResolvedAgainAndRefused(@TempDir Path tmp) throws Exception {
        Trial t = gridTrial();
        TrialFolder f = stored(tmp, t);
        String config = Files.readString(f.config());
        assertTrue(config.contains("  steps: 20\n"), config);
        Files.writeString(f.config(), config.replace("  steps: 20\n", "  steps: 21\n"));
        assertThrows(ConfigException.class, () -> StoredTrial.read(f, NONE, t), "not taken from the grid: resolved, and unknown here");
        IOException e = assertThrows(IOException.class, () -> StoredTrial.read(f, REAL, t));
        assertTrue(e.getMessage().contains("config.yaml no longer hashes to " + t.hash()), e.getMessage());
    }

    @Test
    void aFolderWithoutItsIdentityIsReadAsBefore(@TempDir Path tmp) throws Exception {
        Trial t = gridTrial();
        TrialFolder f = stored(tmp, t);
        Files.delete(f.identity());
        assertThrows(ConfigException.class, () -> StoredTrial.read(f, NONE, t));
        Trial read = StoredTrial.read(f, REAL, t);
        assertEquals("s" + t.seed(), read.label());
        assertEquals(t.hash(), read.hash());
    }
}
