package org.gansweep.core.sweep;

/**
 * An executor could not go on with the sweep: a worker JVM that cannot be started, a scheduler that cannot be
 * asked. The trials that finished are kept and the same command goes on from them; the message says what failed and
 * what to check. (A result that cannot be written is an {@code IOException} of the store, not this.)
 */
public class SweepFailure extends Exception {
    public SweepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
