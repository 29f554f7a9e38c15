package org.gansweep.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of an expanded trial came from: an axis value, an override, or the template (a grid's
 * {@code base}, or the whole of a stored trial config).
 */
final class Origins {
    private final YamlLocator at;
    private final String template;
    private final List<String[]> rules = new ArrayList<>(); // {trialPrefix, gridPrefix or null, argument or null}

    /** Origins in a grid: what no axis or override set comes from {@code base}. */
    Origins(YamlLocator at) {
        this(at, "/base");
    }

    /** @param template the pointer in the file of the trial's template: {@code /base} in a grid, the root in a trial config */
    Origins(YamlLocator at, String template) {
        this.at = at;
        this.template = template;
    }

    void add(String trialPrefix, String gridPrefix, String argument) {
        rules.add(new String[] {trialPrefix, gridPrefix, argument});
    }

    Location value(String pointer) {
        return locate(pointer, true);
    }

    Location key(String pointer) {
        return locate(pointer, false);
    }

    private Location locate(String pointer, boolean value) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            String[] r = rules.get(i);
            if (pointer.equals(r[0]) || pointer.startsWith(r[0] + "/")) {
                if (r[2] != null) {
                    return Location.commandLine(r[2]);
                }
                String g = r[1] + pointer.substring(r[0].length());
                if (at.has(g) || pointer.equals(r[0])) {
                    return value ? at.valueAt(g) : at.keyAt(g);
                }
            }
        }
        String g = template + pointer;
        if (!at.has(g)) {
            // Not in the template: made by a dotted path that runs through it (a bundle's
            // `model.generatr.batchNorm` makes `model/generatr`), so point at that path.
            for (int i = rules.size() - 1; i >= 0; i--) {
                String[] r = rules.get(i);
                if (r[0].startsWith(pointer + "/")) {
                    return r[2] != null ? Location.commandLine(r[2]) : at.keyAt(r[1]);
                }
            }
        }
        return value ? at.valueAt(g) : at.keyAt(g);
    }
}
