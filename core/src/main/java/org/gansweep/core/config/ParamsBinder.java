package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;

/**
 * Binds one trial's YAML to records: a section to its plug-in's {@code Params} ({@link #component}), or any node to
 * a record of core's own ({@link #bind}). Every error is located through the trial's {@link Origins}: an unknown
 * field, a mistyped value and a plug-in's own check each point at the line that set it.
 */
final class ParamsBinder {
    /** A section as the grid names it: the plug-in's YAML name and the rest of its fields. */
    private record Named(String type, ObjectNode params) {}

    private final PluginCatalog catalog;
    private final Origins origins;
    private final GridErrors errors;

    ParamsBinder(PluginCatalog catalog, Origins origins, GridErrors errors) {
        this.catalog = catalog;
        this.origins = origins;
        this.errors = errors;
    }

    /**
     * The section at {@code pointer} bound to its plug-in and checked, and written resolved (every default filled in)
     * into {@code out} under the kind's section name; null after an error.
     */
    Component component(Kind kind, JsonNode node, String pointer, ObjectNode out) {
        Named named = named(kind, node, pointer);
        if (named == null) {
            return null;
        }
        Plugin<?, ?> plugin = catalog.find(kind, named.type());
        if (plugin == null) {
            Collection<String> known = catalog.of(kind).keySet();
            errors.add(origins.value(node.isTextual() ? pointer : pointer + "/type"), "unknown " + kind.name().toLowerCase() + " `"
                    + named.type() + "`" + GridMessages.suggest(named.type(), known) + "; known: " + String.join(", ", known)
                    + " (gansweep list shows each with its parameters)");
            return null;
        }
        Record record = bind(named.params(), plugin.paramsType(), pointer);
        if (record == null) {
            return null;
        }
        try {
            plugin.checkRecord(record);
        } catch (FieldError e) {
            errors.add(origins.value(pointer + "/" + e.field().replace(".", "/")), "`" + GridMessages.where(pointer) + "." + e.field() + "` " + e.getMessage());
            return null;
        }
        out.set(kind.section(), resolved(named.type(), plugin, record));
        return new Component(named.type(), record);
    }

    /** A section given as a plug-in name ({@code loss: gan}) or a mapping with {@code type}; null after an error. */
    private Named named(Kind kind, JsonNode node, String pointer) {
        String section = kind.section();
        Collection<String> known = catalog.of(kind).keySet();
        if (node == null) {
            errors.add(origins.value(""), "missing section `" + section + "`: give `" + section + ": {type: ...}` with type one of " + String.join(", ", known));
            return null;
        }
        if (node.isTextual()) {
            return new Named(node.asText(), JsonNodeFactory.instance.objectNode());
        }
        if (!node.isObject()) {
            errors.add(origins.value(pointer), "`" + GridMessages.where(pointer) + "` must be a type name or a mapping with `type`, got " + GridMessages.describe(node));
            return null;
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            errors.add(typeNode == null ? origins.value(pointer) : origins.value(pointer + "/type"),
                    "`" + GridMessages.where(pointer) + "` needs `type`, one of " + String.join(", ", known));
            return null;
        }
        ObjectNode params = ((ObjectNode) node).deepCopy();
        params.remove("type");
        return new Named(typeNode.asText(), params);
    }

    /**
     * The section as config.yaml holds it: the type, then every field of the bound record, less each of
     * {@link Plugin#paramsAddedLater()} that holds its default (so that trials run before it existed keep their ids).
     */
    private static ObjectNode resolved(String type, Plugin<?, ?> plugin, Record record) {
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        resolved.put("type", type);
        resolved.setAll((ObjectNode) Yaml.json().valueToTree(record));
        if (plugin.paramsAddedLater().isEmpty()) {
            return resolved;
        }
        JsonNode defaults = defaults(plugin.paramsType());
        for (String field : plugin.paramsAddedLater()) {
            if (resolved.has(field) && resolved.get(field).equals(defaults.get(field))) {
                resolved.remove(field);
            }
        }
        return resolved;
    }

    /** A parameters record as a grid that gives none of its fields binds it: each field at the record's own default. */
    private static JsonNode defaults(Class<? extends Record> paramsType) {
        try {
            return Yaml.json().valueToTree(Yaml.json().treeToValue(JsonNodeFactory.instance.objectNode(), paramsType));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(paramsType.getName() + " cannot be bound with every field left out, so its"
                    + " parameters added later have no default: " + e.getMessage(), e);
        }
    }

    /** {@code node} bound to {@code type}; null after an error, which names the field and what it must be. */
    <R> R bind(JsonNode node, Class<R> type, String pointer) {
        if (!node.isObject()) {
            errors.add(origins.value(pointer), "`" + GridMessages.where(pointer) + "` must be a mapping, got " + GridMessages.describe(node));
            return null;
        }
        try {
            return Yaml.json().treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            unknownField(e, pointer);
        } catch (MismatchedInputException e) {
            String p = pointer + GridMessages.path(e);
            JsonNode given = node.at(GridMessages.path(e));
            errors.add(origins.value(p), "`" + GridMessages.where(p) + "` must be " + GridMessages.friendly(e.getTargetType()) + ", got " + GridMessages.describe(given));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String p = pointer + GridMessages.path(e);
            if (cause instanceof FieldError fe) {
                errors.add(origins.value(pointer + "/" + fe.field()), "`" + GridMessages.where(pointer) + "." + fe.field() + "` " + fe.getMessage());
            } else {
                errors.add(origins.value(p), "`" + GridMessages.where(p) + "`: " + GridMessages.firstLine(e.getOriginalMessage()));
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            errors.add(origins.value(pointer), "`" + GridMessages.where(pointer) + "`: " + GridMessages.firstLine(e.getMessage()));
        }
        return null;
    }

    private void unknownField(UnrecognizedPropertyException e, String pointer) {
        String p = pointer + GridMessages.path(e);
        List<String> known = new ArrayList<>();
        if (e.getKnownPropertyIds() != null) {
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
        }
        known.sort(null);
        errors.add(origins.key(p), "unknown field `" + e.getPropertyName() + "` in `" + GridMessages.where(pointer) + "`" + GridMessages.suggest(e.getPropertyName(), known)
                + (known.isEmpty() ? "; it takes no parameters" : "; known: " + String.join(", ", known)));
    }
}
