package org.gansweep.core.config;

import java.util.List;

/** Everything one trial needs, resolved and checked against the plugin registry. */
public record TrialConfig(
        long seed,
        Component dataset,
        Component model,
        ModelOptions modelOptions,
        Component loss,
        Component generatorOptimizer,
        Component discriminatorOptimizer,
        TrainingConfig training,
        List<Component> metrics) {}
