package org.gansweep.core.config;

import java.util.List;
import java.util.Locale;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.FieldError;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.train.ParameterBudget;

/**
 * What one trial's parts must satisfy together, once each section is valid on its own: a conditional model needs
 * labels, G and D must fit in memory, and each metric says whether it can judge this dataset and model. Errors
 * point at the model or the metric.
 */
final class TrialPartChecks {
    private final PluginCatalog catalog;
    private final Origins origins;
    private final GridErrors errors;

    TrialPartChecks(PluginCatalog catalog, Origins origins, GridErrors errors) {
        this.catalog = catalog;
        this.origins = origins;
        this.errors = errors;
    }

    /** Reports what does not fit; stops at the first problem of the model, which would make the rest moot. */
    void check(Component dataset, Component model, TrainingConfig training, List<Component> metrics) {
        // Metrics say before any training whether they can judge this dataset (building a dataset
        // adapter reads no data; opening it does).
        DatasetAdapter data = (DatasetAdapter) catalog.find(Kind.DATASET, dataset.type()).create(dataset.params());
        Architecture architecture = (Architecture) catalog.find(Kind.ARCHITECTURE, model.type()).create(model.params());
        if (architecture.conditional() && !data.hasLabels()) {
            errors.add(origins.value("/model"), "model `" + model.type() + "` is class-conditional and needs a dataset with class"
                    + " labels; dataset `" + dataset.type() + "` has none (`gansweep list` describes each dataset)");
            return;
        }
        String tooBig = memoryProblem(model, architecture, data);
        if (tooBig != null) {
            errors.add(origins.value("/model"), tooBig);
            return;
        }
        for (int i = 0; i < metrics.size(); i++) {
            checkMetric(i, metrics.get(i), dataset, model, data, architecture, training);
        }
    }

    private void checkMetric(int i, Component c, Component dataset, Component model, DatasetAdapter data, Architecture architecture,
            TrainingConfig training) {
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

    /**
     * Null when G and D fit in memory; else what to do. Counted without allocating ({@link ParameterBudget});
     * refused above half of this machine's memory, which weights, gradients and Adam's two moments take
     * before a single activation. A conditional model is counted with one class (its label layer is small).
     */
    private static String memoryProblem(Component model, Architecture architecture, DatasetAdapter data) {
        long params;
        try {
            params = ParameterBudget.parameters(model.type() + model.params(), architecture, data.sampleShape(), 1);
        } catch (RuntimeException e) {
            return null; // a shape the architecture refuses is reported when the trial builds it
        }
        long need = ParameterBudget.bytes(params);
        long have = ParameterBudget.physicalMemory();
        if (have <= 0 || need <= have / 2) {
            return null;
        }
        return "model `" + model.type() + "` has about " + String.format(Locale.ROOT, "%,d", params)
                + " parameters: " + gib(need) + " for weights, gradients and Adam's moments, more than half of this machine's "
                + gib(have) + "; make it smaller (noiseDim, hidden, filters)";
    }

    private static String gib(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EiB" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
