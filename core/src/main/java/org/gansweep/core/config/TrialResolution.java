package org.gansweep.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.PluginCatalog;

/**
 * Binds one expanded trial's sections to their plug-ins and checks them: each section's fields against its
 * parameters record and the plug-in's own checks ({@link TrialSections}, {@link ParamsBinder}), then what needs the
 * parts together ({@link TrialPartChecks}). Every error is located through the trial's {@link Origins}. Core knows
 * no plug-in's fields: each plug-in declares its own defaults ({@code Params}) and the parameters it added later.
 */
final class TrialResolution {
    private final PluginCatalog catalog;

    TrialResolution(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The trial's config, with {@code out} filled in as its config.yaml holds it (every default filled in); null
     * after an error.
     */
    TrialConfig resolve(ObjectNode tree, ObjectNode out, long seed, Origins origins, GridErrors errors) {
        int before = errors.count();
        TrialSections sections = new TrialSections(new ParamsBinder(catalog, origins, errors), origins, errors, out);
        sections.checkSectionNames(tree);
        Component dataset = sections.plugin(Kind.DATASET, tree.get("dataset"));
        JsonNode modelNode = tree.get("model");
        ModelOptions modelOptions = sections.modelOptions(modelNode);
        Component model = sections.model(modelNode, modelOptions);
        Component loss = sections.plugin(Kind.LOSS, tree.get("loss"));
        Component[] optimizers = sections.optimizers(tree.get("optimizer"));
        TrainingConfig training = sections.training(tree.get("training"));
        List<Component> metrics = sections.metrics(tree.get("metrics"));
        if (errors.count() > before) {
            return null;
        }
        new TrialPartChecks(catalog, origins, errors).check(dataset, model, training, metrics);
        if (errors.count() > before) {
            return null;
        }
        return new TrialConfig(seed, dataset, model, modelOptions, loss, optimizers[0], optimizers[1], training, List.copyOf(metrics));
    }
}
