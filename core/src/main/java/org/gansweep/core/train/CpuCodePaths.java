package org.gansweep.core.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pins every CPU math library inside libtorch to one instruction-set code path, so that a config and seed give
 * the same numbers on every x86-64 machine with AVX2, whatever wider vectors it also has.
 *
 * <p>libtorch picks its kernels at run time from the processor: MKL for matrix products (linear layers),
 * oneDNN for convolutions, ATen's own vectorised kernels for element-wise ops and the fused Adam. Each has
 * an AVX2 and an AVX-512 path, and the two give different numbers. Only MKL was pinned before, and the
 * random NaN of issue 11 (DCGAN d_loss NaN from step 2, a different trial each run, more often under load)
 * was seen only on an AVX-512 machine, in convolutional nets, which run on oneDNN and ATen's kernels. The
 * AVX2 paths, run with every fresh tensor filled with NaN and every freed heap block poisoned
 * ({@code bench/determinism.sh --hostile}), read no memory they have not written.
 *
 * <p>The variables are read once, when each library first dispatches, so they are set before any tensor
 * exists: by the launcher, by the test JVM's settings, and here (through libc {@code setenv}, which the
 * native libraries' {@code getenv} sees) for a JVM started any other way. A value the user set is kept;
 * {@link #effective()} goes into every trial's provenance.
 */
public final class CpuCodePaths {
    /** Each library's variable and the value that selects its AVX2 path. */
    public static final Map<String, String> PINS = Map.of(
            "MKL_CBWR", "AVX2,STRICT",          // MKL: also makes results independent of memory alignment
            "ONEDNN_MAX_CPU_ISA", "AVX2",       // oneDNN: convolutions
            "ATEN_CPU_CAPABILITY", "avx2");     // ATen: element-wise kernels, batch norm, fused Adam

    private static final String[] ORDER = {"MKL_CBWR", "ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY"};

    private CpuCodePaths() {}

    interface LibC extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);
    }

    private static volatile LibC libc;
    private static volatile boolean tried;

    private static LibC libc() {
        if (!tried) {
            synchronized (CpuCodePaths.class) {
                if (!tried) {
                    try {
                        libc = Native.load("c", LibC.class);
                    } catch (UnsatisfiedLinkError | RuntimeException e) {
                        libc = null; // not a POSIX libc: the launcher's environment is all there is
                    }
                    tried = true;
                }
            }
        }
        return libc;
    }

    /**
     * Sets each pin the process environment lacks, and lets MKL take its AVX2 paths on AMD processors
     * ({@link MklIntelPaths}). Call before the first tensor operation; later calls change nothing the libraries
     * have already read.
     */
    public static void apply() {
        LibC c = libc();
        if (c != null) {
            for (String name : ORDER) {
                String v = c.getenv(name);
                if (v == null || v.isEmpty()) {
                    c.setenv(name, PINS.get(name), 0);
                }
            }
        }
        MklIntelPaths.apply(); // on AMD, MKL honours MKL_CBWR=AVX2 only past its vendor check
    }

    /** The value of each pin as the native libraries see it ("unset" when none), for provenance and workers. */
    public static Map<String, String> effective() {
        Map<String, String> out = new LinkedHashMap<>();
        LibC c = libc();
        for (String name : ORDER) {
            String v = c != null ? c.getenv(name) : System.getenv(name);
            out.put(name, v == null || v.isEmpty() ? "unset" : v);
        }
        return out;
    }
}
