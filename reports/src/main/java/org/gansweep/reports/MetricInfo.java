package org.gansweep.reports;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.metrics.MetricColumn;
import org.gansweep.core.metrics.MetricColumn.Better;
import org.gansweep.core.metrics.MetricNames;
import org.gansweep.core.plugin.Metric;
import org.gansweep.core.train.LossNames;

/**
 * What the report knows about a metric column: which direction is better, its name in words, and the line it is
 * aiming at, as the metric that writes it declares ({@link Metric#columns}; {@link ExperimentResults#load} records
 * the declarations of every metric its trials use). A column no metric describes gets its name with spaces and no
 * direction: guessing a direction would mislabel a table.
 */
public final class MetricInfo {
    /** Columns the trials' metrics declare ({@link Metric#columns}); they win over the built-in lists below. */
    private static final Map<String, MetricColumn> DECLARED = new ConcurrentHashMap<>();

    /** Records what metrics say about their columns (the report does so for every metric of its trials). */
    public static void declare(Collection<MetricColumn> columns) {
        columns.forEach(c -> DECLARED.put(c.name(), c));
    }

    /** A horizontal line a curve aims at, e.g. all 8 modes or the real data's score. */
    public record Target(double value, String label) {}

    /** The training loop's own columns, which no metric declares. */
    private static final Map<String, String> LOSS_WORDS = Map.of(LossNames.D_LOSS, "discriminator loss", LossNames.G_LOSS, "generator loss");

    private MetricInfo() {}

    public static Better better(String metric) {
        MetricColumn c = DECLARED.get(metric);
        return c != null ? c.better() : Better.NONE;
    }

    public static boolean isLoss(String metric) {
        return LossNames.BOTH.contains(metric);
    }

    /** The column name with its direction mark, for table headers: {@code modes_covered ↑}. */
    public static String header(String metric) {
        return metric + better(metric).mark;
    }

    public static String words(String metric) {
        MetricColumn c = DECLARED.get(metric);
        return c != null ? c.words() : LOSS_WORDS.getOrDefault(metric, metric.replace('_', ' '));
    }

    /** A panel title in words with its direction: "modes covered (of 8), higher is better". */
    public static String title(String metric, ExperimentResults results) {
        OptionalInt modes = MetricNames.MODES_COVERED.equals(metric) ? modes(results) : OptionalInt.empty();
        return words(metric) + (modes.isPresent() ? " (of " + modes.getAsInt() + ")" : "") + better(metric).words;
    }

    /** The real-data column that is this score's reference, if it has one. */
    public static Optional<String> reference(String metric) {
        MetricColumn c = DECLARED.get(metric);
        return Optional.ofNullable(c != null ? c.reference() : null);
    }

    /** True for a reference column whose score is also stored: it is drawn as that score's target, not alone. */
    public static boolean isReferenceOf(String column, Collection<String> present) {
        return present.stream().anyMatch(score -> reference(score).filter(column::equals).isPresent());
    }

    /**
     * The target of a metric for these results: all modes for modes_covered, the mean real-data reference over the
     * completed trials for an image score. None when the trials disagree on the number of modes (a dataset axis).
     */
    public static Optional<Target> target(String metric, ExperimentResults results) {
        if (MetricNames.MODES_COVERED.equals(metric)) {
            OptionalInt m = modes(results);
            return m.isPresent() ? Optional.of(new Target(m.getAsInt(), "all " + m.getAsInt() + " modes")) : Optional.empty();
        }
        Optional<String> ref = reference(metric);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        double[] v = results.trials().stream().filter(t -> "completed".equals(t.status()) && t.summary().metrics() != null)
                .map(t -> t.summary().metrics().get(ref.get())).filter(x -> x != null && Double.isFinite(x))
                .mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            return Optional.empty();
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        long distinct = Arrays.stream(v).distinct().count();
        return Optional.of(new Target(mean, "real data " + Digits.sig3(mean) + (distinct > 1 ? " (mean of " + v.length + " trials)" : "")));
    }

    /** The number of modes of the trials' Gaussian mixture, when every such trial has the same. */
    public static OptionalInt modes(ExperimentResults results) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (TrialResult t : results.trials()) {
            t.dataset().capability(GaussianMixture.class).ifPresent(g -> counts.add(g.modes()));
        }
        return counts.size() == 1 ? OptionalInt.of(counts.first()) : OptionalInt.empty();
    }
}
