package org.gansweep.core.train;

import java.util.List;

/**
 * The names under which the training loop records D's and G's losses: the metrics.csv columns after
 * {@code step}, and in summary.json the mean over the last 100 steps. Every other column is declared by the
 * metric plug-in that computes it ({@code Metric.names()}); the shipped metrics' names are
 * {@link org.gansweep.core.metrics.MetricNames}.
 */
public final class LossNames {
    public static final String STEP = "step";
    public static final String D_LOSS = "d_loss";
    public static final String G_LOSS = "g_loss";
    public static final List<String> BOTH = List.of(D_LOSS, G_LOSS);

    private LossNames() {}
}
