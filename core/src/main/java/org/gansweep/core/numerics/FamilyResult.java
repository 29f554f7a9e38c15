package org.gansweep.core.numerics;

/**
 * One op family's verdict on one code path.
 *
 * @param family the op family ({@link KernelCheck#family()})
 * @param convolutions the convolution backend it ran with
 * @param passed finite, the same bytes on NaN-filled and zeroed memory, and close to the float64 reference
 * @param library what computed it: oneDNN's implementation names from its trace, else the check's own word
 * @param detail the largest error against the reference, or why it failed
 * @param seconds how long the family's three runs took
 */
public record FamilyResult(String family, String convolutions, boolean passed, String library, String detail, double seconds) {
    /** The same verdict with the library named from oneDNN's trace. */
    public FamilyResult withLibrary(String traced) {
        return new FamilyResult(family, convolutions, passed, traced, detail, seconds);
    }
}
