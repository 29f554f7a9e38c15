package org.gansweep.core.numerics;

/** What a run asks of its code paths. */
public enum NumericsMode {
    /** The fastest paths that pass the kernel self-test on this machine: the same bytes on the same processor type. */
    FASTEST("fastest"),
    /** AVX2 paths on every machine: the same bytes across processor generations, at the cost of speed. */
    PORTABLE("portable");

    private final String id;

    NumericsMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    public static NumericsMode parse(String id) {
        for (NumericsMode m : values()) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("numerics must be fastest or portable, got '" + id + "'");
    }
}
