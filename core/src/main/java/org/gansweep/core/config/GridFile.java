package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reading a grid or trial config file: refused unread when it cannot be one (a folder, a device, over 1 MB),
 * then YAML syntax, aliases and extra documents turned into located errors.
 */
final class GridFile {
    /** Grids and trial configs are a few kilobytes; anything near this is not one, and is refused unread. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private GridFile() {}

    /** The text of a grid or trial config file, checked first ({@link #checkReadable}). */
    static String read(Path file, String what) throws ConfigException {
        checkReadable(file, what);
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.of(file.toString(), 1, 1), "no such " + what + " file; check the path");
        } catch (CharacterCodingException e) {
            throw new ConfigException(Location.of(file.toString(), 1, 1), "the " + what + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(Location.of(file.toString(), 1, 1), "cannot read the " + what + ": " + e);
        }
    }

    /**
     * Refuses, before reading a byte, what cannot be a grid: a folder, a device or pipe (a link to /dev/zero
     * would be read forever), or a file over {@link #MAX_FILE_BYTES}.
     */
    static void checkReadable(Path file, String what) throws ConfigException {
        Location at = Location.of(file.toString(), 1, 1);
        if (!Files.exists(file)) {
            return; // reading says "no such file" with the same location
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(at, "this is a folder, not a " + what + " file; give the path of a YAML file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(at, "this is not a regular file (a device, pipe or socket, or a link to one);"
                    + " give the path of a YAML " + what + " file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigException(at, "the file is " + size + " bytes; a " + what + " is at most " + MAX_FILE_BYTES
                        + " bytes of YAML (a few kilobytes is usual): is this the right file?");
            }
        } catch (IOException e) {
            throw new ConfigException(at, "cannot read the " + what + ": " + e.getMessage());
        }
    }

    /** A parsed document and where each of its values stands. */
    record Parsed(JsonNode root, YamlLocator at) {}

    /** Parses YAML text; syntax errors, YAML aliases and second documents are located errors. */
    static Parsed parse(String text, String file) throws ConfigException {
        JsonNode root;
        YamlLocator at;
        try {
            root = Yaml.yaml().readTree(text);
            at = YamlLocator.index(file, text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location where = l == null ? Location.of(file, 1, 1) : Location.of(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // SnakeYAML knows where the problem is; Jackson reports where its token started.
                where = Location.of(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
            String problem = GridMessages.yamlProblem(e.getOriginalMessage());
            String field = GridMessages.fieldBefore(text, where);
            throw new ConfigException(where, field == null || problem.startsWith("YAML") || problem.startsWith("a second")
                    ? problem : "`" + field + "`: " + problem);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file, 1, 1), "cannot parse the grid: " + e.getMessage());
        }
        if (!at.aliases().isEmpty()) {
            List<String> found = new ArrayList<>();
            for (Location l : at.aliases()) {
                found.add(l + ": YAML aliases (`*name`) are not supported (they would be read as the plain string `name`);"
                        + " write the value out in full, or use an axis or --set to share settings");
            }
            throw new ConfigException(found);
        }
        return new Parsed(root, at);
    }
}
