package org.gansweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /**
     * The grid's {@code numerics:} as written, read before the grid is loaded: loading counts the nets' parameters
     * through libtorch, and the code paths must be chosen before libtorch is first loaded. Null when absent or when
     * the file cannot be read as YAML (the full load then reports why).
     */
    static String numericsField(Path grid) {
        if (grid == null || !Files.isRegularFile(grid)) {
            return null;
        }
        try {
            if (Files.size(grid) > 1 << 20) {
                return null;
            }
            JsonNode n = new ObjectMapper(
                    new YAMLFactory()).readTree(grid.toFile());
            return n != null && n.isObject() && n.get("numerics") != null && n.get("numerics").isTextual() ? n.get("numerics").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A broken file can make thousands of errors; the first ones say what is wrong. */
    private static final int MAX_SHOWN = 30;

    static int printErrors(ConfigException e, PrintWriter err) {
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
