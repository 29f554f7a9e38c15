package org.gansweep.core.sweep;

import java.util.ArrayList;
import java.util.List;
import org.gansweep.core.config.Component;
import org.gansweep.core.config.TrialConfig;
import org.gansweep.core.plugin.AdversarialLoss;
import org.gansweep.core.plugin.Architecture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.Kind;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.plugin.OptimizerSpec;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.train.AdversarialTraining;

/** Builds a trial's parts from its resolved config through the plugin registry. */
public final class TrialParts {
    private TrialParts() {}

    public static AdversarialTraining.Setup setup(PluginCatalog catalog, TrialConfig c, boolean evaluate) {
        DatasetAdapter dataset = create(catalog, Kind.DATASET, c.dataset(), DatasetAdapter.class);
        List<Metric> metrics = new ArrayList<>();
        for (Component m : c.metrics()) {
            metrics.add(create(catalog, Kind.METRIC, m, Metric.class));
        }
        return new AdversarialTraining.Setup(
                dataset,
                create(catalog, Kind.ARCHITECTURE, c.model(), Architecture.class),
                create(catalog, Kind.LOSS, c.loss(), AdversarialLoss.class),
                create(catalog, Kind.OPTIMIZER, c.generatorOptimizer(), OptimizerSpec.class),
                c.discriminatorOptimizer().equals(c.generatorOptimizer()) ? null
                        : create(catalog, Kind.OPTIMIZER, c.discriminatorOptimizer(), OptimizerSpec.class),
                c.modelOptions(),
                c.training(),
                metrics,
                c.seed(),
                evaluate);
    }

    public static <T> T create(PluginCatalog catalog, Kind kind, Component c, Class<T> type) {
        return type.cast(catalog.find(kind, c.type()).create(c.params()));
    }

    public static List<String> metricNames(AdversarialTraining.Setup s) {
        List<String> names = new ArrayList<>();
        for (Metric m : s.metrics()) {
            names.addAll(m.names());
        }
        return names;
    }
}
