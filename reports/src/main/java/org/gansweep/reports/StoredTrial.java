package org.gansweep.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ConfigHash;
import org.gansweep.core.config.GridLoader;
import org.gansweep.core.config.Trial;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.store.TrialFolder;

/**
 * A trial folder's trial for the report, resolved once. When the folder is one of the current grid's trials and
 * its config.yaml and trial.json still hold exactly that trial's resolved config (the same config hash), the grid's
 * resolution is taken as it is: resolving a resolved config gives it back, so the result is the same as resolving
 * config.yaml again, without binding and checking every plug-in a second time. Anything else (an edited config, a
 * missing trial.json, a trial of an earlier grid) is read by {@link TrialFolder#readTrial}, which says what is wrong.
 */
final class StoredTrial {
    private StoredTrial() {}

    /** @param inGrid the grid's trial of the folder's id; null when there is none (or no grid) */
    static Trial read(TrialFolder folder, GridLoader loader, Trial inGrid) throws IOException, ConfigException {
        Trial same = inGrid == null ? null : asInGrid(folder, inGrid);
        return same != null ? same : folder.readTrial(loader);
    }

    /** The grid's trial under the folder's recorded identity, or null when the folder does not plainly hold it. */
    private static Trial asInGrid(TrialFolder folder, Trial inGrid) {
        if (!Files.isRegularFile(folder.identity())) {
            return null;
        }
        try {
            JsonNode stored = Yaml.yaml().readTree(folder.config().toFile());
            TrialFolder.Identity id = Yaml.json().readValue(folder.identity().toFile(), TrialFolder.Identity.class);
            if (stored == null || id == null || !inGrid.hash().equals(id.hash()) || !inGrid.hash().equals(ConfigHash.of(stored))) {
                return null;
            }
            return new Trial(id.id(), id.label(), id.setting(), inGrid.config(), inGrid.resolved(), inGrid.hash());
        } catch (IOException | RuntimeException e) {
            return null; // readTrial reads it again and says what is wrong
        }
    }
}
