package org.gansweep.core.plugin;

import com.google.inject.Inject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Every registered plugin, by kind and YAML name. */
public final class PluginCatalog {
    private final Map<Kind, Map<String, Plugin<?, ?>>> byKind = new EnumMap<>(Kind.class);

    @Inject
    public PluginCatalog(
            Map<String, Plugin<?, DatasetAdapter>> datasets,
            Map<String, Plugin<?, Architecture>> architectures,
            Map<String, Plugin<?, AdversarialLoss>> losses,
            Map<String, Plugin<?, OptimizerSpec>> optimizers,
            Map<String, Plugin<?, Metric>> metrics) {
        byKind.put(Kind.DATASET, Collections.unmodifiableMap(new TreeMap<>(datasets)));
        byKind.put(Kind.ARCHITECTURE, Collections.unmodifiableMap(new TreeMap<>(architectures)));
        byKind.put(Kind.LOSS, Collections.unmodifiableMap(new TreeMap<>(losses)));
        byKind.put(Kind.OPTIMIZER, Collections.unmodifiableMap(new TreeMap<>(optimizers)));
        byKind.put(Kind.METRIC, Collections.unmodifiableMap(new TreeMap<>(metrics)));
    }

    public Map<String, Plugin<?, ?>> of(Kind kind) {
        return byKind.get(kind);
    }

    public Plugin<?, ?> find(Kind kind, String name) {
        return byKind.get(kind).get(name);
    }
}
