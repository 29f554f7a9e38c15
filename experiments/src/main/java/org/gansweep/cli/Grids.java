package org.gansweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gansweep.core.config.ConfigException;
import org.gansweep.core.config.ExperimentGrid;
import org.gansweep.core.config.GridLoader;

/** Loads the grid a command names, or the built-in default experiment. */
final class Grids {
    static final String DEFAULT = "ring.yaml";

    private Grids() {}

    static ExperimentGrid load(GridLoader loader, Path grid, List<String> overrides) throws ConfigException {
        if (grid != null) {
            return loader.load(grid, overrides);
        }
        try (InputStream in = Grids.class.getResourceAsStream("/grids/" + DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the built-in grid " + DEFAULT + " is missing from the jar");
            }
            return loader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:experiments/" + DEFAULT, overrides);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A broken file can make thousands of errors; the first ones say what is wrong. */
    private static final int MAX_SHOWN = 30;

    static int printErrors(ConfigException e, java.io.PrintWriter err) {
        int shown = 0;
        for (String line : e.errors()) {
            if (shown++ == MAX_SHOWN) {
                err.println("... and " + (e.errors().size() - MAX_SHOWN) + " more errors like these");
                break;
            }
            err.println(line.length() > 2000 ? line.substring(0, 2000) + " ..." : line);
        }
        err.println("gansweep: the grid has " + e.errors().size() + (e.errors().size() == 1 ? " error" : " errors") + "; nothing was run");
        return 2;
    }
}
