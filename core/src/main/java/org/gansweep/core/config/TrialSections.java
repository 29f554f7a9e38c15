package org.gansweep.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Kind;

/**
 * One trial's sections, each bound and checked on its own and written resolved into the trial's resolved tree
 * ({@code out}, in the order config.yaml lists them). Errors go to the grid's {@link GridErrors}; a section with an
 * error comes back null.
 */
final class TrialSections {
    private final ParamsBinder binder;
    private final Origins origins;
    private final GridErrors errors;
    private final ObjectNode out;

    TrialSections(ParamsBinder binder, Origins origins, GridErrors errors, ObjectNode out) {
        this.binder = binder;
        this.origins = origins;
        this.errors = errors;
        this.out = out;
    }

    /** Reports each top-level key of the trial that is not a section. */
    void checkSectionNames(ObjectNode tree) {
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!GridFields.SECTIONS.contains(f)) {
                errors.add(origins.key("/" + f), "unknown section `" + f + "`" + GridMessages.suggest(f, GridFields.SECTIONS) + "; sections are " + String.join(", ", GridFields.SECTIONS));
            }
        }
    }

    Component plugin(Kind kind, JsonNode node) {
        return binder.component(kind, node, "/" + kind.section(), out);
    }

    /** {@code model.init} and {@code model.noise}, which every architecture takes; null after an error. */
    ModelOptions modelOptions(JsonNode modelNode) {
        if (!hasModelOptions(modelNode)) {
            return ModelOptions.DEFAULTS;
        }
        return modelOptions(modelNode.get("init"), modelNode.get("noise"));
    }

    /**
     * The model's architecture, bound without {@code init} and {@code noise}, which are not its own; the resolved
     * model lists them after its fields when they differ from the defaults.
     */
    Component model(JsonNode modelNode, ModelOptions options) {
        JsonNode own = modelNode;
        if (hasModelOptions(modelNode)) {
            ObjectNode rest = ((ObjectNode) modelNode).deepCopy();
            rest.remove("init");
            rest.remove("noise");
            own = rest;
        }
        Component model = binder.component(Kind.ARCHITECTURE, own, "/model", out);
        if (model != null && options != null) {
            ObjectNode m = (ObjectNode) out.get("model");
            if (!options.init().keepsArchitectureDefault()) {
                m.set("init", Yaml.json().valueToTree(options.init()));
            }
            if (options.noise() != ModelOptions.Noise.normal) {
                m.put("noise", options.noise().name());
            }
        }
        return model;
    }

    private static boolean hasModelOptions(JsonNode modelNode) {
        return modelNode != null && modelNode.isObject() && (modelNode.has("init") || modelNode.has("noise"));
    }

    /** {@code model.init} (a name or a mapping with type) and {@code model.noise}; null after an error. */
    private ModelOptions modelOptions(JsonNode init, JsonNode noise) {
        ModelOptions.WeightInit w = null;
        if (init != null && init.isTextual()) {
            w = new ModelOptions.WeightInit(init.asText(), null, null);
        } else if (init != null) {
            w = binder.bind(init, ModelOptions.WeightInit.class, "/model/init");
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
            if (!noise.isTextual() || !Set.of("normal", "uniform").contains(noise.asText())) {
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
     * resolved config keeps the single form when both come out the same. Adam when the section is left out.
     */
    Component[] optimizers(JsonNode given) {
        JsonNode node = given != null ? given : JsonNodeFactory.instance.textNode("adam");
        if (!node.isObject() || !(node.has("generator") || node.has("discriminator"))) {
            Component one = binder.component(Kind.OPTIMIZER, node, "/optimizer", out);
            return new Component[] {one, one};
        }
        ObjectNode shared = ((ObjectNode) node).deepCopy();
        JsonNode g = shared.remove("generator");
        JsonNode d = shared.remove("discriminator");
        ObjectNode gOut = JsonNodeFactory.instance.objectNode();
        ObjectNode dOut = JsonNodeFactory.instance.objectNode();
        Component gc = binder.component(Kind.OPTIMIZER, merged(shared, g), "/optimizer/generator", gOut);
        Component dc = binder.component(Kind.OPTIMIZER, merged(shared, d), "/optimizer/discriminator", dOut);
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

    /** The training loop's settings, every default filled in when the section is left out; null after an error. */
    TrainingConfig training(JsonNode t) {
        TrainingConfig training = t == null ? TrainingConfig.defaults() : binder.bind(t, TrainingConfig.class, "/training");
        if (training == null) {
            return null;
        }
        try {
            training.check();
        } catch (FieldError e) {
            errors.add(origins.value("/training/" + e.field()), "`training." + e.field() + "` " + e.getMessage());
        }
        out.set("training", Yaml.json().valueToTree(training));
        // `updates` came after the first sweeps: at its default it stays out of config.yaml and trial ids.
        JsonNode updates = out.get("training").get("updates");
        if (updates != null && updates.isTextual() && updates.asText().equals("alternating")) {
            ((ObjectNode) out.get("training")).remove("updates");
        }
        return training;
    }

    /** The metrics, each once, in the order given (none when the section is left out). */
    List<Component> metrics(JsonNode m) {
        List<Component> metrics = new ArrayList<>();
        ArrayNode metricsOut = out.putArray("metrics");
        if (m != null && !m.isArray()) {
            errors.add(origins.value("/metrics"), "`metrics` must be a list of metric names, got " + GridMessages.describe(m));
            return metrics;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; m != null && i < m.size(); i++) {
            ObjectNode holder = JsonNodeFactory.instance.objectNode();
            Component c = binder.component(Kind.METRIC, m.get(i), "/metrics/" + i, holder);
            if (c != null && !names.add(c.type())) {
                errors.add(origins.value("/metrics/" + i), "metric `" + c.type() + "` is listed twice");
            }
            if (c != null) {
                metrics.add(c);
                metricsOut.add(holder.get("metrics"));
            }
        }
        return metrics;
    }
}
