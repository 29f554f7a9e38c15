package org.gansweep.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials of a grid from its template: each combination of axis values (a bundle axis sets several paths) times
 * each seed, the {@code --set} overrides on top, the label and id, then {@link TrialResolution}. Remembers where each
 * value came from, so an error points at the axis value, the override or the template line that set it.
 */
final class AxisExpansion {
    static final int MAX_TRIALS = 10_000;

    private final TrialResolution resolution;

    AxisExpansion(TrialResolution resolution) {
        this.resolution = resolution;
    }

    /**
     * Every trial, combinations in order (the last axis varies fastest) and each combination's seeds in turn. Trials
     * that resolve to the same config are an error, except where {@code --set} made them so: those run once.
     */
    List<Trial> trials(ObjectNode base, Map<String, ArrayNode> axes, List<Long> seeds, List<SetArgument> sets, YamlLocator at,
            GridErrors errors) throws ConfigException {
        long combos = 1;
        for (ArrayNode values : axes.values()) {
            combos *= values.size();
        }
        if (combos * seeds.size() > MAX_TRIALS) {
            throw new ConfigException(at.keyAt("/axes"), "the grid expands to " + combos * seeds.size() + " trials; at most " + MAX_TRIALS + " are allowed");
        }
        List<String> axisNames = new ArrayList<>(axes.keySet());
        List<Trial> trials = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        int[] pick = new int[axisNames.size()];
        for (long c = 0; c < combos; c++) {
            for (long seed : seeds) {
                Trial t = expand(base, axes, axisNames, pick, seed, sets, at, errors);
                if (t != null && isNew(t, seen, !sets.isEmpty(), at, errors)) {
                    trials.add(t);
                }
            }
            next(pick, axes, axisNames);
        }
        return trials;
    }

    /** Whether {@code t} is a config not seen before; a repeat the grid itself makes is reported. */
    private static boolean isNew(Trial t, Map<String, String> seen, boolean overridden, YamlLocator at, GridErrors errors) {
        String previous = seen.putIfAbsent(t.hash(), t.label());
        if (previous != null && !overridden) {
            errors.add(at.keyAt("/axes"), "trials `" + previous + "` and `" + t.label() + "` have the same resolved config: remove the duplicate axis value");
        }
        // A repeat made by --set (axis values made equal, e.g. --set loss=gan) runs the trial once.
        return previous == null;
    }

    /** The next combination of axis values: the last axis counts up first, like the digits of a number. */
    private static void next(int[] pick, Map<String, ArrayNode> axes, List<String> axisNames) {
        for (int i = pick.length - 1; i >= 0; i--) {
            if (++pick[i] < axes.get(axisNames.get(i)).size()) {
                return;
            }
            pick[i] = 0;
        }
    }

    /**
     * A stored trial's config (its seed taken out) as the one trial it is, located in its own file: the same
     * resolution and checks as a grid's trial, with the label of a grid without axes ({@code s SEED}).
     */
    Trial stored(ObjectNode config, long seed, YamlLocator at, GridErrors errors) {
        return identify(config, new Origins(at, ""), new ArrayList<>(), new LinkedHashMap<>(), seed, errors);
    }

    /** One trial: the axis values at {@code pick} and the overrides put into a copy of the template; null after an error. */
    Trial expand(ObjectNode base, Map<String, ArrayNode> axes, List<String> axisNames, int[] pick, long seed,
            List<SetArgument> sets, YamlLocator at, GridErrors errors) {
        ObjectNode tree = base.deepCopy();
        Origins origins = new Origins(at);
        Map<String, String> setting = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < axisNames.size(); i++) {
            String axis = axisNames.get(i);
            JsonNode value = axes.get(axis).get(pick[i]);
            putAxisValue(tree, origins, axis, pick[i], value);
            String label = GridFields.label(axis, value);
            setting.put(axis, label);
            labels.add(label);
        }
        for (SetArgument o : sets) {
            String pointer = "/" + o.path().replace(".", "/");
            put(tree, pointer, o.value().deepCopy());
            origins.add(pointer, null, o.argument());
        }
        relabelOverridden(tree, axisNames, sets, setting, labels);
        return identify(tree, origins, labels, setting, seed, errors);
    }

    /** Puts one axis value into the trial: at the axis's path, or each path of a bundle axis's value. */
    private static void putAxisValue(ObjectNode tree, Origins origins, String axis, int index, JsonNode value) {
        if (!GridFields.isBundle(axis)) {
            String pointer = "/" + axis.replace(".", "/");
            put(tree, pointer, value.deepCopy());
            origins.add(pointer, "/axes/" + axis + "/" + index, null);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> fe = f.next();
            if (!fe.getKey().equals("label")) {
                String pointer = "/" + fe.getKey().replace(".", "/");
                put(tree, pointer, fe.getValue().deepCopy());
                origins.add(pointer, "/axes/" + axis + "/" + index + "/" + fe.getKey(), null);
            }
        }
    }

    /** An override that rewrites an axis's value renames it: the label says what actually ran. */
    private static void relabelOverridden(ObjectNode tree, List<String> axisNames, List<SetArgument> sets, Map<String, String> setting,
            List<String> labels) {
        for (int i = 0; i < axisNames.size(); i++) {
            String axis = axisNames.get(i);
            if (GridFields.isBundle(axis)) {
                continue;
            }
            for (SetArgument o : sets) {
                if (o.path().equals(axis) || o.path().startsWith(axis + ".") || axis.startsWith(o.path() + ".")) {
                    JsonNode value = tree.at("/" + axis.replace(".", "/"));
                    JsonNode replaced = tree.at("/" + o.path().replace(".", "/"));
                    if (value.isMissingNode() && replaced.isTextual()) {
                        value = replaced; // a section given by its plug-in's name (`--set loss=gan` on a loss.type axis)
                    }
                    String label = GridFields.label(axis, value);
                    setting.put(axis, label);
                    labels.set(i, label);
                }
            }
        }
    }

    /** The trial resolved, with its label (axis labels, then the seed) and its id (the label and the config hash). */
    private Trial identify(ObjectNode tree, Origins origins, List<String> labels, Map<String, String> setting, long seed, GridErrors errors) {
        labels.add("s" + seed);
        String label = GridFields.sanitize(String.join("_", labels));
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        resolved.put("seed", seed);
        TrialConfig config = resolution.resolve(tree, resolved, seed, origins, errors);
        if (config == null) {
            return null;
        }
        String hash = ConfigHash.of(resolved);
        return new Trial(label + "-" + hash.substring(0, 8), label, setting, config, resolved, hash);
    }

    /** Sets {@code value} at {@code pointer}; a mapping without {@code type} merges into a mapping there. */
    static void put(ObjectNode tree, String pointer, JsonNode value) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                JsonNode shorthand = child;
                child = parent.putObject(parts[i]);
                if (shorthand != null && shorthand.isTextual()) {
                    ((ObjectNode) child).set("type", shorthand); // `loss: gan` then `loss.generator: minimax`
                }
            }
            parent = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        JsonNode existing = parent.get(last);
        if (value.isObject() && !value.has("type") && existing != null && existing.isObject()) {
            ((ObjectNode) existing).setAll((ObjectNode) value);
        } else if (value.isObject() && !value.has("type") && existing != null && existing.isTextual()) {
            ObjectNode merged = parent.putObject(last);
            merged.set("type", existing);
            merged.setAll((ObjectNode) value);
        } else {
            parent.set(last, value);
        }
    }
}
