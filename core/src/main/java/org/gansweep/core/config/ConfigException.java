package org.gansweep.core.config;

import java.util.List;

/**
 * A grid that cannot run. Each message reads {@code file:line:column: message}, so editors can jump to
 * it; the CLI prints them and exits with status 2.
 */
public final class ConfigException extends Exception {
    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(String.join(System.lineSeparator(), errors));
        this.errors = List.copyOf(errors);
    }

    public ConfigException(Location where, String message) {
        this(List.of(where + ": " + message));
    }

    public List<String> errors() {
        return errors;
    }
}
