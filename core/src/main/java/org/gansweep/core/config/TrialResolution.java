package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.Plugin;
import org.gansweep.core.plugin.PluginCatalog;

/**
 * Binds one expanded trial's sections to their plug-ins and checks them: each section's fields against its
 * parameters record, the plug-in's own checks, then what needs the parts together (a conditional model needs
 * labels, metrics say whether they can judge the dataset, G and D must fit in memory). Every error is located
 * through the trial's {@link Origins}.
 */
final class TrialResolution {
    private final PluginCatalog catalog;

    TrialResolution(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    TrialConfig resolve(ObjectNode tree, ObjectNode out, long seed, Origins origins, GridErrors errors) {
        int before = errors.count();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!GridFields.SECTIONS.contains(f)) {
                errors.add(origins.key("/" + f), "unknown section `" + f + "`" + GridMessages.suggest(f, GridFields.SECTIONS) + "; sections are " + String.join(", ", GridFields.SECTIONS));
            }
        }
        Component dataset = component(Kind.DATASET, tree.get("dataset"), "/dataset", origins, errors, out);
        omitDefault(out, "dataset", "weights", null);
        JsonNode modelNode = tree.get("model");
        ModelOptions modelOptions = ModelOptions.DEFAULTS;
        if (modelNode != null && modelNode.isObject() && (modelNode.has("init") || modelNode.has("noise"))) {
            ObjectNode rest = ((ObjectNode) modelNode).deepCopy();
            modelOptions = modelOptions(rest.remove("init"), rest.remove("noise"), origins, errors);
            modelNode = rest;
        }
        Component model = component(Kind.ARCHITECTURE, modelNode, "/model", origins, errors, out);
        if (model != null && modelOptions != null) {
            ObjectNode m = (ObjectNode) out.get("model");
            if (!modelOptions.init().keepsArchitectureDefault()) {
                m.set("init", Yaml.json().valueToTree(modelOptions.init()));
            }
            if (modelOptions.noise() != ModelOptions.Noise.normal) {
                m.put("noise", modelOptions.noise().name());
            }
        }
        Component loss = component(Kind.LOSS, tree.get("loss"), "/loss", origins, errors, out);
        omitDefault(out, "loss", "reduction", "mean");
        Component[] optimizers = optimizers(tree.has("optimizer") ? tree.get("optimizer") : JsonNodeFactory.instance.textNode("adam"), origins, errors, out);
        TrainingConfig training = TrainingConfig.defaults();
        JsonNode t = tree.get("training");
        if (t != null) {
            training = bind(t, TrainingConfig.class, "/training", origins, errors);
        }
        if (training != null) {
            try {
                training.check();
            } catch (FieldError e) {
                errors.add(origins.value("/training/" + e.field()), "`training." + e.field() + "` " + e.getMessage());
            }
            out.set("training", Yaml.json().valueToTree(training));
            omitDefault(out, "training", "updates", "alternating");
        }
        List<Component> metrics = new ArrayList<>();
        JsonNode m = tree.get("metrics");
        ArrayNode metricsOut = out.putArray("metrics");
        if (m != null && !m.isArray()) {
            errors.add(origins.value("/metrics"), "`metrics` must be a list of metric names, got " + GridMessages.describe(m));
        } else if (m != null) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < m.size(); i++) {
                ObjectNode holder = JsonNodeFactory.instance.objectNode();
                Component c = component(Kind.METRIC, m.get(i), "/metrics/" + i, origins, errors, holder);
                if (c != null && !names.add(c.type())) {
                    errors.add(origins.value("/metrics/" + i), "metric `" + c.type() + "` is listed twice");
                }
                if (c != null) {
                    metrics.add(c);
                    metricsOut.add(holder.get("metrics"));
                }
            }
        }
        if (errors.count() > before) {
            return null;
        }
        // Metrics say before any training whether they can judge this dataset (building a dataset
        // adapter reads no data; opening it does).
        DatasetAdapter data = (DatasetAdapter) catalog.find(Kind.DATASET, dataset.type()).create(dataset.params());
        Architecture architecture = (Architecture) catalog.find(Kind.ARCHITECTURE, model.type()).create(model.params());
        if (architecture.conditional() && !data.hasLabels()) {
            errors.add(origins.value("/model"), "model `" + model.type() + "` is class-conditional and needs a dataset with class"
                    + " labels; dataset `" + dataset.type() + "` has none (`gansweep list` describes each dataset)");
            return null;
        }
        String tooBig = memoryProblem(model, architecture, data);
        if (tooBig != null) {
            errors.add(origins.value("/model"), tooBig);
            return null;
        }
        for (int i = 0; i < metrics.size(); i++) {
            Component c = metrics.get(i);
            try {
                Metric metric = (Metric) catalog.find(Kind.METRIC, c.type()).create(c.params());
                metric.check(data, architecture);
                if (training.evalSamples() < metric.minimumSamples()) {
                    errors.add(origins.value("/metrics/" + i), "metric `" + c.type() + "` needs at least " + metric.minimumSamples()
                            + " samples per evaluation, but `training.evalSamples` is " + training.evalSamples()
                            + ": raise training.evalSamples (or lower the metric's k)");
                }
            } catch (FieldError e) {
                // Field "type": the dataset is the problem; field "model": the architecture is.
                String not = e.field().equals("model") ? ", not `" + model.type() + "`" : ", not `" + dataset.type() + "`";
                errors.add(origins.value("/metrics/" + i), "metric `" + c.type() + "` " + e.getMessage() + not);
            }
        }
        if (errors.count() > before) {
            return null;
        }
        return new TrialConfig(seed, dataset, model, modelOptions, loss, optimizers[0], optimizers[1], training, List.copyOf(metrics));
    }

    /**
     * Options added after grids had been run stay out of the resolved config (config.yaml and the config hash)
     * while they hold their default, so that every earlier trial keeps its id and is not run again.
     */
    private static void omitDefault(ObjectNode out, String section, String field, String defaultValue) {
        JsonNode sec = out.get(section);
        if (sec instanceof ObjectNode o && o.has(field)) {
            JsonNode v = o.get(field);
            if (defaultValue == null ? v.isNull() : v.isTextual() && v.asText().equals(defaultValue)) {
                o.remove(field);
            }
        }
    }

    /** {@code model.init} (a name or a mapping with type) and {@code model.noise}; null after an error. */
    private ModelOptions modelOptions(JsonNode init, JsonNode noise, Origins origins, GridErrors errors) {
        ModelOptions.WeightInit w = null;
        if (init != null && init.isTextual()) {
            w = new ModelOptions.WeightInit(init.asText(), null, null);
        } else if (init != null) {
            w = bind(init, ModelOptions.WeightInit.class, "/model/init", origins, errors);
            if (w == null) {
                return null;
            }
        }
        if (w != null) {
            try {
                w.check();
            } catch (FieldError e) {
                errors.add(origins.value(init.isTextual() ? "/model/init" : "/model/init/" + e.field()), "`model.init."
                        + e.field() + "` " + e.getMessage() + " (e.g. `init: {type: orthogonal, gain: 1.4}` or `init: xavier`)");
                return null;
            }
        }
        ModelOptions.Noise n = null;
        if (noise != null) {
            if (!noise.isTextual() || !java.util.Set.of("normal", "uniform").contains(noise.asText())) {
                errors.add(origins.value("/model/noise"), "`model.noise` must be `normal` (N(0, 1)) or `uniform` (U[-1, 1]), got "
                        + GridMessages.describe(noise));
                return null;
            }
            n = ModelOptions.Noise.valueOf(noise.asText());
        }
        return new ModelOptions(w, n);
    }

    /**
     * G's and D's optimisers: one mapping for both, or with {@code generator:} and {@code discriminator:}
     * sub-mappings that override the shared fields for one network ({@code optimizer.discriminator.lr}). The
     * resolved config keeps the single form when both come out the same.
     */
    private Component[] optimizers(JsonNode node, Origins origins, GridErrors errors, ObjectNode out) {
        if (!node.isObject() || !(node.has("generator") || node.has("discriminator"))) {
            Component one = component(Kind.OPTIMIZER, node, "/optimizer", origins, errors, out);
            return new Component[] {one, one};
        }
        ObjectNode shared = ((ObjectNode) node).deepCopy();
        JsonNode g = shared.remove("generator");
        JsonNode d = shared.remove("discriminator");
        ObjectNode gOut = JsonNodeFactory.instance.objectNode();
        ObjectNode dOut = JsonNodeFactory.instance.objectNode();
        Component gc = component(Kind.OPTIMIZER, merged(shared, g), "/optimizer/generator", origins, errors, gOut);
        Component dc = component(Kind.OPTIMIZER, merged(shared, d), "/optimizer/discriminator", origins, errors, dOut);
        if (gc != null && dc != null) {
            if (gOut.get("optimizer").equals(dOut.get("optimizer"))) {
                out.set("optimizer", gOut.get("optimizer"));
            } else {
                ObjectNode both = out.putObject("optimizer");
                both.set("generator", gOut.get("optimizer"));
                both.set("discriminator", dOut.get("optimizer"));
            }
        }
        return new Component[] {gc, dc};
    }

    /** One network's optimiser: its own fields over the shared ones (its own type replaces them); adam by default. */
    private static JsonNode merged(ObjectNode shared, JsonNode own) {
        if (own != null && (own.isTextual() || (own.isObject() && own.has("type") && !own.get("type").equals(shared.get("type"))))) {
            return own;
        }
        ObjectNode m = shared.deepCopy();
        if (own != null && own.isObject()) {
            m.setAll((ObjectNode) own.deepCopy());
        } else if (own != null) {
            return own; // not a mapping: component() says what is wrong with it
        }
        if (!m.has("type")) {
            m.put("type", "adam");
        }
        return m;
    }

    /**
     * Null when G and D fit in memory; else what to do. Counted without allocating ({@link ParameterBudget});
     * refused above half of this machine's memory, which weights, gradients and Adam's two moments take
     * before a single activation. A conditional model is counted with one class (its label layer is small).
     */
    private static String memoryProblem(Component model, Architecture architecture, DatasetAdapter data) {
        long params;
        try {
            params = org.gansweep.core.train.ParameterBudget.parameters(model.type() + model.params(), architecture, data.sampleShape(), 1);
        } catch (RuntimeException e) {
            return null; // a shape the architecture refuses is reported when the trial builds it
        }
        long need = org.gansweep.core.train.ParameterBudget.bytes(params);
        long have = org.gansweep.core.train.ParameterBudget.physicalMemory();
        if (have <= 0 || need <= have / 2) {
            return null;
        }
        return "model `" + model.type() + "` has about " + String.format(java.util.Locale.ROOT, "%,d", params)
                + " parameters: " + gib(need) + " for weights, gradients and Adam's moments, more than half of this machine's "
                + gib(have) + "; make it smaller (noiseDim, hidden, filters)";
    }

    private static String gib(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EiB" : String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private Component component(Kind kind, JsonNode node, String pointer, Origins origins, GridErrors errors, ObjectNode out) {
        String section = kind.section();
        Collection<String> known = catalog.of(kind).keySet();
        if (node == null) {
            errors.add(origins.value(""), "missing section `" + section + "`: give `" + section + ": {type: ...}` with type one of " + String.join(", ", known));
            return null;
        }
        String type;
        ObjectNode params;
        if (node.isTextual()) {
            type = node.asText();
            params = JsonNodeFactory.instance.objectNode();
        } else if (node.isObject()) {
            JsonNode typeNode = node.get("type");
            if (typeNode == null || !typeNode.isTextual()) {
                errors.add(typeNode == null ? origins.value(pointer) : origins.value(pointer + "/type"),
                        "`" + GridMessages.where(pointer) + "` needs `type`, one of " + String.join(", ", known));
                return null;
            }
            type = typeNode.asText();
            params = ((ObjectNode) node).deepCopy();
            params.remove("type");
        } else {
            errors.add(origins.value(pointer), "`" + GridMessages.where(pointer) + "` must be a type name or a mapping with `type`, got " + GridMessages.describe(node));
            return null;
        }
        Plugin<?, ?> plugin = catalog.find(kind, type);
        if (plugin == null) {
            errors.add(origins.value(node.isTextual() ? pointer : pointer + "/type"),
                    "unknown " + kind.name().toLowerCase() + " `" + type + "`" + GridMessages.suggest(type, known) + "; known: " + String.join(", ", known) + " (gansweep list shows each with its parameters)");
            return null;
        }
        Record record = bind(params, plugin.paramsType(), pointer, origins, errors);
        if (record == null) {
            return null;
        }
        try {
            plugin.checkRecord(record);
        } catch (FieldError e) {
            errors.add(origins.value(pointer + "/" + e.field().replace(".", "/")), "`" + GridMessages.where(pointer) + "." + e.field() + "` " + e.getMessage());
            return null;
        }
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        resolved.put("type", type);
        resolved.setAll((ObjectNode) Yaml.json().valueToTree(record));
        out.set(section, resolved);
        return new Component(type, record);
    }

    private <R> R bind(JsonNode node, Class<R> type, String pointer, Origins origins, GridErrors errors) {
        if (!node.isObject()) {
            errors.add(origins.value(pointer), "`" + GridMessages.where(pointer) + "` must be a mapping, got " + GridMessages.describe(node));
            return null;
        }
        try {
            return Yaml.json().treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String p = pointer + GridMessages.path(e);
            List<String> known = new ArrayList<>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            errors.add(origins.key(p), "unknown field `" + e.getPropertyName() + "` in `" + GridMessages.where(pointer) + "`" + GridMessages.suggest(e.getPropertyName(), known)
                    + (known.isEmpty() ? "; it takes no parameters" : "; known: " + String.join(", ", known)));
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
}
