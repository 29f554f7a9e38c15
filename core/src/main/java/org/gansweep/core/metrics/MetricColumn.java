package org.gansweep.core.metrics;

/**
 * What a metric says about one column it writes to metrics.csv: which way is better, its name in words, and the
 * column of the same metric that holds real data's value of it (the line its curve aims at), if any. A metric
 * declares its columns ({@link org.gansweep.core.plugin.Metric#columns}), so the report needs no list of its own:
 * adding a metric is one class and one binding line.
 *
 * @param reference the real-data column of this score, or null
 */
public record MetricColumn(String name, Better better, String words, String reference) {
    /** Which way a metric improves; losses, spreads and real-data references have no better direction. */
    public enum Better {
        HIGHER(" ↑", ", higher is better"), LOWER(" ↓", ", lower is better"), NONE("", "");

        public final String mark;
        public final String words;

        Better(String mark, String words) {
            this.mark = mark;
            this.words = words;
        }
    }

    public MetricColumn {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a metric column is named in snake_case, got " + name);
        }
        better = better == null ? Better.NONE : better;
        words = words == null || words.isBlank() ? name.replace('_', ' ') : words;
    }

    /** A column that is a score, with its direction and words. */
    public static MetricColumn score(String name, Better better, String words, String reference) {
        return new MetricColumn(name, better, words, reference);
    }

    /** A column with no better direction (a spread, a reference, a diagnostic). */
    public static MetricColumn plain(String name, String words) {
        return new MetricColumn(name, Better.NONE, words, null);
    }
}
