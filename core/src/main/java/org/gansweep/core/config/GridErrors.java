package org.gansweep.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** Collects errors, de-duplicated: a mistake in the base template repeats in every trial. */
final class GridErrors {
    private final Set<String> messages = new LinkedHashSet<>();
    private int reported;

    void add(Location where, String message) {
        messages.add(where + ": " + message);
        reported++;
    }

    /** Errors reported so far, repeats included: what tells whether one trial had any. */
    int count() {
        return reported;
    }

    void throwIfAny() throws ConfigException {
        if (!messages.isEmpty()) {
            throw new ConfigException(new ArrayList<>(messages));
        }
    }
}
