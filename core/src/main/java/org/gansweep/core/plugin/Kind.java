package org.gansweep.core.plugin;

/** The kinds of pluggable part, with the YAML section each is configured in. */
public enum Kind {
    DATASET("dataset"),
    ARCHITECTURE("model"),
    LOSS("loss"),
    OPTIMIZER("optimizer"),
    METRIC("metrics");

    private final String section;

    Kind(String section) {
        this.section = section;
    }

    public String section() {
        return section;
    }
}
