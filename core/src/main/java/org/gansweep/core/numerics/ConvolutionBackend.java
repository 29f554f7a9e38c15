package org.gansweep.core.numerics;

/**
 * Which library computes convolutions. libtorch's default is oneDNN; PyTorch's own kernels (im2col and MKL's
 * matrix product; col2im for the backward pass) are a second, independent code path. Chosen at any time in a
 * process through {@link TorchNatives#oneDnnConvolutions(boolean)}; handed to worker processes as
 * {@value #VARIABLE}.
 */
public enum ConvolutionBackend {
    ONEDNN("onednn"),
    ATEN("aten");

    /** The variable that carries the choice to workers and Slurm tasks. */
    public static final String VARIABLE = "GANSWEEP_CONVOLUTIONS";

    private final String id;

    ConvolutionBackend(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ConvolutionBackend parse(String id) {
        for (ConvolutionBackend b : values()) {
            if (b.id.equalsIgnoreCase(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException(VARIABLE + " must be onednn or aten, got '" + id + "'");
    }

    /** Makes this process's convolutions run on this backend (the engine must be loaded). */
    public void apply() {
        TorchNatives.oneDnnConvolutions(this == ONEDNN);
    }
}
