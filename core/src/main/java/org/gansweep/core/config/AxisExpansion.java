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
 * One trial from the template: the axis values picked (a bundle axis sets several paths), the {@code --set}
 * overrides on top, the label and id, then {@link TrialResolution}. Remembers where each value came from, so
 * an error points at the axis value, the override or the template line that set it.
 */
final class AxisExpansion {
    private final TrialResolution resolution;

    AxisExpansion(TrialResolution resolution) {
        this.resolution = resolution;
    }

    Trial expand(ObjectNode base, Map<String, ArrayNode> axes, List<String> axisNames, int[] pick, long seed,
            List<SetArgument> sets, YamlLocator at, GridErrors errors) {
        ObjectNode tree = base.deepCopy();
        Origins origins = new Origins(at);
        Map<String, String> setting = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < axisNames.size(); i++) {
            String axis = axisNames.get(i);
            JsonNode value = axes.get(axis).get(pick[i]);
            if (GridFields.isBundle(axis)) {
                for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> fe = f.next();
                    if (!fe.getKey().equals("label")) {
                        String pointer = "/" + fe.getKey().replace(".", "/");
                        put(tree, pointer, fe.getValue().deepCopy());
                        origins.add(pointer, "/axes/" + axis + "/" + pick[i] + "/" + fe.getKey(), null);
                    }
                }
            } else {
                String pointer = "/" + axis.replace(".", "/");
                put(tree, pointer, value.deepCopy());
                origins.add(pointer, "/axes/" + axis + "/" + pick[i], null);
            }
            String label = GridFields.label(axis, value);
            setting.put(axis, label);
            labels.add(label);
        }
        for (SetArgument o : sets) {
            String pointer = "/" + o.path().replace(".", "/");
            put(tree, pointer, o.value().deepCopy());
            origins.add(pointer, null, o.argument());
        }
        // An override that rewrites an axis's value renames it: the label says what actually ran.
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
