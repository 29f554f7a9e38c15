package org.gansweep.core.config;

import java.util.List;

/** Everything one trial needs, resolved and checked against the plugin registry. */
public record TrialConfig(
        long seed,
        Component dataset,
        Component model,
        Component loss,
        Component optimizer,
        TrainingConfig training,
        List<Component> metrics) {}
