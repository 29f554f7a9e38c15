package org.gansweep.core.numerics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The route to a libtorch other than the CPU one gansweep's build bundles: a GPU build of the same PyTorch (2.7.1),
 * from PyTorch's libtorch archive or a pip-installed torch, named through DJL's own variables. Maven Central serves
 * no CUDA build of PyTorch 2.7.1 for DJL, while DJL's JNI jar already carries the CUDA 12.8 bridge, so a local
 * library is the route that resolves offline. DJL reads (ai.djl.pytorch.jni.LibUtils, 0.35.1):
 * <ul>
 *   <li>{@code PYTORCH_LIBRARY_PATH}: a folder holding {@code libtorch.so}; one that does not is skipped in
 *       silence and the bundled CPU library loads instead, so gansweep refuses it first;</li>
 *   <li>{@code PYTORCH_FLAVOR}: which JNI bridge to use ({@code cpu} or {@code cu128}); unset, DJL guesses
 *       {@code cpu-precxx11} or from the GPU, neither of which its jar holds offline;</li>
 *   <li>{@code PYTORCH_VERSION}: the library's version; the bridge is built for 2.7.1 only.</li>
 * </ul>
 */
public final class LocalLibtorch {
    public static final String PATH = "PYTORCH_LIBRARY_PATH";
    public static final String FLAVOR = "PYTORCH_FLAVOR";
    public static final String VERSION = "PYTORCH_VERSION";
    /** The PyTorch version DJL 0.35.1's JNI bridge is built against. */
    public static final String BRIDGE_VERSION = "2.7.1";
    /** The flavors DJL 0.35.1's JNI jar holds for linux-x86_64. */
    static final List<String> FLAVORS = List.of("cpu", "cu128");

    /** cuBLAS's deterministic workspace (CUDA's documentation: reproducibility with cuBLAS from CUDA 10.2). */
    public static final String CUBLAS_WORKSPACE = "CUBLAS_WORKSPACE_CONFIG";

    private LocalLibtorch() {}

    /** What is wrong with the local-library settings, or empty when none is asked for or they are complete. */
    public static Optional<String> problem(Function<String, String> env) {
        String path = env.apply(PATH);
        if (path == null) {
            return Optional.empty();
        }
        String fix = " (the GPU route: see the README's section on GPUs)";
        if (path.contains(":")) {
            return Optional.of(PATH + " names several folders (" + path + "); name the one folder that holds libtorch.so" + fix);
        }
        Path dir = Path.of(path);
        if (!Files.isRegularFile(dir.resolve("libtorch.so"))) {
            return Optional.of(PATH + "=" + path + " holds no libtorch.so, so the bundled CPU library would load instead:"
                    + " name the lib/ folder of a libtorch " + BRIDGE_VERSION + " (PyTorch's libtorch archive, or torch/lib of a"
                    + " pip-installed torch==" + BRIDGE_VERSION + ")" + fix);
        }
        String flavor = env.apply(FLAVOR);
        if (flavor == null || !FLAVORS.contains(flavor)) {
            return Optional.of(FLAVOR + " must be " + String.join(" or ", FLAVORS) + " with " + PATH + " (the build of the library"
                    + " there: cu128 for CUDA 12.8), got " + (flavor == null ? "nothing" : "'" + flavor + "'") + fix);
        }
        String version = env.apply(VERSION);
        if (version != null && !version.equals(BRIDGE_VERSION)) {
            return Optional.of(VERSION + "=" + version + ", but gansweep's PyTorch bridge (DJL 0.35.1) is built for " + BRIDGE_VERSION
                    + " only: use a libtorch " + BRIDGE_VERSION + " and set " + VERSION + "=" + BRIDGE_VERSION + fix);
        }
        return Optional.empty();
    }

    /** Before libtorch loads: cuBLAS's deterministic workspace, unless the user chose one. */
    static void prepareDeterminism() {
        if (CodePaths.get(CUBLAS_WORKSPACE) == null) {
            CodePaths.set(CUBLAS_WORKSPACE, ":4096:8");
        }
    }

    /** The library this process loaded, for provenance: its folder, flavor and whether it is the bundled one. */
    public static LibtorchProvenance loaded() {
        String local = CodePaths.get(PATH);
        return new LibtorchProvenance(
                TorchNatives.libtorchFolder().map(Path::toString).orElse("not loaded"),
                local != null ? PATH : "bundled (pytorch-native-cpu jar)",
                local != null ? CodePaths.get(FLAVOR) : "cpu",
                TorchNatives.libtorchFolder().isPresent() && TorchNatives.deterministic(),
                String.valueOf(CodePaths.get(CUBLAS_WORKSPACE)));
    }
}
