package org.gansweep.core.numerics;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gansweep.core.train.MklIntelPaths;

/**
 * The process environment that selects libtorch's code paths, as the native libraries see it. The variables are
 * read once, when each library first dispatches, so {@link Numerics} sets them (through libc {@code setenv},
 * which the libraries' {@code getenv} sees; Java's copy of the environment does not change) before any tensor
 * exists, and workers and Slurm tasks get them from {@link #forChildren()}.
 */
public final class CodePaths {
    private CodePaths() {}

    interface LibC extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);
    }

    private static volatile LibC libc;
    private static volatile boolean tried;

    private static LibC libc() {
        if (!tried) {
            synchronized (CodePaths.class) {
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
     * What must happen before the first tensor whatever the code path: lets MKL take the paths the processor
     * has on AMD ({@link MklIntelPaths}). Call first thing in every process.
     */
    public static void apply() {
        MklIntelPaths.apply();
    }

    /** A variable as the native libraries see it, or null. */
    public static String get(String name) {
        LibC c = libc();
        String v = c != null ? c.getenv(name) : System.getenv(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Sets a variable for the native libraries and for every process started from here on. */
    static void set(String name, String value) {
        LibC c = libc();
        if (c == null) {
            throw new IllegalStateException("cannot set " + name + " without a C library; set it before starting gansweep");
        }
        c.setenv(name, value, 1);
    }

    /** The instruction-set variables as the libraries see them ("unset" where absent), in their usual order. */
    public static Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : IsaLevel.VARIABLES) {
            String v = get(name);
            out.put(name, v == null ? "unset" : v);
        }
        return out;
    }

    /** Whether any instruction-set variable is set (by the user, a parent process or a test harness). */
    static boolean environmentFixesLevel() {
        return IsaLevel.VARIABLES.stream().anyMatch(v -> get(v) != null);
    }

    /** The variables a worker or Slurm task must be started with to compute on this process's path. */
    public static Map<String, String> forChildren() {
        Map<String, String> out = new LinkedHashMap<>();
        environment().forEach((k, v) -> {
            if (!v.equals("unset")) {
                out.put(k, v);
            }
        });
        // The backend this process chose (not put in its own environment: there the variable means "asked for").
        Numerics.Selection chosen = Numerics.current();
        String conv = chosen != null ? chosen.path().convolutions().id() : get(ConvolutionBackend.VARIABLE);
        if (conv != null) {
            out.put(ConvolutionBackend.VARIABLE, conv);
        }
        String cublas = get(LocalLibtorch.CUBLAS_WORKSPACE);
        if (cublas != null) {
            out.put(LocalLibtorch.CUBLAS_WORKSPACE, cublas);
        }
        return out;
    }
}
