package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps JSON pointers ({@code /axes/loss/1/type}) of a YAML document to the line and column where the
 * key and the value stand. Jackson's tree model keeps no positions, so errors found after binding are
 * located through this map.
 */
public final class YamlLocator {
    private final String file;
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final Map<String, JsonLocation> values = new HashMap<>();
    private final List<Location> aliases = new ArrayList<>();

    private YamlLocator(String file) {
        this.file = file;
    }

    public static YamlLocator index(String file, String text) throws IOException {
        YamlLocator locator = new YamlLocator(file);
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            locator.walk(parser);
        }
        return locator;
    }

    private void walk(JsonParser parser) throws IOException {
        // Each frame: the container's pointer and, for arrays, the next index.
        Deque<String> pointers = new ArrayDeque<>();
        Deque<int[]> indices = new ArrayDeque<>();
        String pendingField = null;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
                // Jackson reads an alias (*name) as the plain string "name": a silent wrong value.
                JsonLocation l = parser.currentTokenLocation();
                aliases.add(Location.of(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr())));
            }
            if (token == JsonToken.FIELD_NAME) {
                pendingField = pointers.peek() + "/" + escape(parser.currentName());
                keys.put(pendingField, parser.currentTokenLocation());
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                pointers.pop();
                indices.pop();
                continue;
            }
            String here;
            if (pointers.isEmpty()) {
                here = "";
            } else if (indices.peek()[0] >= 0) {
                here = pointers.peek() + "/" + indices.peek()[0]++;
                keys.putIfAbsent(here, parser.currentTokenLocation());
            } else {
                here = pendingField;
            }
            values.put(here, parser.currentTokenLocation());
            if (token == JsonToken.START_OBJECT) {
                pointers.push(here);
                indices.push(new int[] {-1});
            } else if (token == JsonToken.START_ARRAY) {
                pointers.push(here);
                indices.push(new int[] {0});
            }
        }
    }

    /** Where the document uses a YAML alias ({@code *name}), which gansweep does not expand. */
    public List<Location> aliases() {
        return aliases;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The position of the value at {@code pointer}, or of its key, or of its nearest located parent. */
    public Location valueAt(String pointer) {
        return locate(pointer, true);
    }

    /** The position of the key at {@code pointer} (for unknown or missing fields), else as {@link #valueAt}. */
    public Location keyAt(String pointer) {
        return locate(pointer, false);
    }

    public boolean has(String pointer) {
        return values.containsKey(pointer) || keys.containsKey(pointer);
    }

    private Location locate(String pointer, boolean preferValue) {
        String p = pointer;
        while (true) {
            JsonLocation loc = preferValue ? values.getOrDefault(p, keys.get(p)) : keys.getOrDefault(p, values.get(p));
            if (loc != null) {
                return Location.of(file, loc.getLineNr(), loc.getColumnNr());
            }
            if (p.isEmpty()) {
                return Location.of(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
