package org.gansweep.core.plugin;

/** A value that is well-typed but not acceptable; {@code field} is relative to the component or record checked. */
public final class FieldError extends RuntimeException {
    private final String field;

    public FieldError(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new FieldError(field, message);
        }
    }

    public static int positive(String field, int value) {
        require(value > 0, field, "must be a positive integer, got " + value);
        return value;
    }

    public static double positive(String field, double value) {
        require(value > 0 && Double.isFinite(value), field, "must be a positive number, got " + value);
        return value;
    }
}
