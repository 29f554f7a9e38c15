package org.gansweep.core.numerics;

/** No code path could be verified, or the one asked for cannot be used: the message says what to do. */
public final class NumericsException extends Exception {
    public NumericsException(String message) {
        super(message);
    }
}
