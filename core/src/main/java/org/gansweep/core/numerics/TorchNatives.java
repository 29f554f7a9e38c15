package org.gansweep.core.numerics;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Two switches inside the libtorch this JVM has loaded, reached by symbol because DJL does not expose them:
 * <ul>
 *   <li>the CPU allocator's fill of fresh memory ({@code FLAGS_caffe2_cpu_allocator_do_junk_fill} and
 *       {@code _do_zero_fill} in libc10): every tensor, oneDNN scratchpad and ideep buffer comes from that
 *       allocator, so with the junk fill (the bit pattern 0x7fedbeef, a NaN) a kernel that reads memory it has
 *       not written reads NaN every time, and with the zero fill it reads 0. The self-test runs every check both
 *       ways: a kernel that reads nothing unwritten gives the same bytes.</li>
 *   <li>whether convolutions may use oneDNN ({@code at::Context::setUserEnabledMkldnn}, what
 *       {@code torch.backends.mkldnn.enabled} sets): off, PyTorch runs its own im2col-and-matrix-product
 *       convolution, a second code path that shares nothing with oneDNN's.</li>
 * </ul>
 * Both are plain globals read at every call, so they take effect at once. Call only after the engine is loaded.
 */
public final class TorchNatives {
    private TorchNatives() {}

    /** How fresh CPU tensor memory is filled. */
    public enum Fill { NONE, NAN, ZERO }

    private static NativeLibrary c10;
    private static NativeLibrary torchCpu;

    /** Sets the fill of fresh tensor memory for every later allocation in this process. */
    public static synchronized void fill(Fill fill) {
        NativeLibrary lib = c10();
        Pointer junk = lib.getGlobalVariableAddress("FLAGS_caffe2_cpu_allocator_do_junk_fill");
        Pointer zero = lib.getGlobalVariableAddress("FLAGS_caffe2_cpu_allocator_do_zero_fill");
        junk.setByte(0, (byte) 0); // never both at once: libc10 checks that
        zero.setByte(0, (byte) 0);
        if (fill == Fill.NAN) {
            junk.setByte(0, (byte) 1);
        } else if (fill == Fill.ZERO) {
            zero.setByte(0, (byte) 1);
        }
    }

    /** Lets convolutions use oneDNN (true, libtorch's default) or PyTorch's own kernels (false). */
    public static synchronized void oneDnnConvolutions(boolean enabled) {
        Function set = torchCpu().getFunction("_ZN2at7Context20setUserEnabledMkldnnEb");
        set.invokeVoid(new Object[] {context(), enabled ? 1 : 0});
        if (oneDnnConvolutions() != enabled) {
            throw new IllegalStateException("libtorch did not take the oneDNN switch (asked " + enabled + ")");
        }
    }

    /**
     * Asks libtorch for its deterministic algorithms everywhere ({@code torch.use_deterministic_algorithms(True)}),
     * deterministic cuDNN kernels and no cuDNN benchmarking: on a GPU these decide whether two runs give the same
     * bytes; on a CPU they change nothing gansweep runs.
     */
    public static synchronized void deterministicAlgorithms(boolean on) {
        int flag = on ? 1 : 0;
        torchCpu().getFunction("_ZN2at7Context26setDeterministicAlgorithmsEbb").invokeVoid(new Object[] {context(), flag, 0});
        torchCpu().getFunction("_ZN2at7Context21setDeterministicCuDNNEb").invokeVoid(new Object[] {context(), flag});
        torchCpu().getFunction("_ZN2at7Context17setBenchmarkCuDNNEb").invokeVoid(new Object[] {context(), 0});
        if (deterministic() != on) {
            throw new IllegalStateException("libtorch did not take the deterministic-algorithms setting (asked " + on + ")");
        }
    }

    /** Whether libtorch is set to deterministic algorithms and deterministic cuDNN. */
    public static synchronized boolean deterministic() {
        boolean algorithms = (torchCpu().getFunction("_ZNK2at7Context23deterministicAlgorithmsEv").invokeInt(new Object[] {context()}) & 0xff) != 0;
        boolean cudnn = (torchCpu().getFunction("_ZNK2at7Context18deterministicCuDNNEv").invokeInt(new Object[] {context()}) & 0xff) != 0;
        return algorithms && cudnn;
    }

    /** The folder of the libtorch this process loaded, or empty before it is loaded. */
    public static Optional<Path> libtorchFolder() {
        return mapped("libtorch_cpu.so").map(p -> Path.of(p).getParent());
    }

    /** Whether convolutions may use oneDNN now. */
    public static synchronized boolean oneDnnConvolutions() {
        Function get = torchCpu().getFunction("_ZNK2at7Context17userEnabledMkldnnEv");
        return (get.invokeInt(new Object[] {context()}) & 0xff) != 0;
    }

    private static Pointer context() {
        return torchCpu().getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
    }

    private static NativeLibrary c10() {
        if (c10 == null) {
            c10 = NativeLibrary.getInstance(loaded("libc10.so"));
        }
        return c10;
    }

    private static NativeLibrary torchCpu() {
        if (torchCpu == null) {
            torchCpu = NativeLibrary.getInstance(loaded("libtorch_cpu.so"));
        }
        return torchCpu;
    }

    /** The full path of a library this process has mapped (so JNA gets the same copy DJL loaded). */
    static String loaded(String name) {
        return mapped(name).orElseThrow(() -> new IllegalStateException(
                name + " is not loaded in this process: load the PyTorch engine first"));
    }

    static Optional<String> mapped(String name) {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(p -> p.endsWith("/" + name)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
