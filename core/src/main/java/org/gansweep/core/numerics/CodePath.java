package org.gansweep.core.numerics;

import java.util.Map;

/**
 * The code paths one process computes with: an instruction-set ceiling for every library and the convolution
 * backend. Its {@link #name()} ({@code avx512/onednn}) is what provenance, {@code compare} and the report show.
 *
 * @param level the ceiling, or null where the user's own environment variables set another combination
 * @param env the variables as the libraries read them
 */
public record CodePath(IsaLevel level, Map<String, String> env, ConvolutionBackend convolutions) {
    public CodePath {
        env = Map.copyOf(env);
    }

    public static CodePath of(IsaLevel level, ConvolutionBackend convolutions) {
        return new CodePath(level, level.env(), convolutions);
    }

    public String name() {
        return (level != null ? level.id() : "custom") + "/" + convolutions.id();
    }
}
