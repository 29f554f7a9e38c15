package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Utils;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library that lets MKL take its AVX2 paths on AMD: what it answers, and that libtorch's MKL then does. */
class MklIntelPathsTest {

    @Test
    void theShippedLibraryAnswersBothVendorChecksWithYes(@TempDir Path dir) throws IOException {
        Path so = dir.resolve("copy.so");
        try (InputStream in = MklIntelPaths.class.getResourceAsStream("libmkl-intel-paths.so")) {
            Files.write(so, in.readAllBytes());
        }
        // RTLD_LAZY without RTLD_GLOBAL: asked directly, not through the process's global scope.
        NativeLibrary lib = NativeLibrary.getInstance(so.toString(), Map.of(Library.OPTION_OPEN_FLAGS, 0x1));
        assertEquals(1, lib.getFunction("mkl_serv_intel_cpu_true").invokeInt(new Object[0]));
        assertEquals(1, lib.getFunction("mkl_serv_intel_cpu").invokeInt(new Object[0]));
    }

    @Test
    void processorFlagsAreReadFromTheFirstProcessor(@TempDir Path dir) throws IOException {
        Path info = dir.resolve("cpuinfo");
        Files.writeString(info, "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 AVX2 fma\n\n"
                + "processor\t: 1\nvendor_id\t: GenuineIntel\nflags\t\t: fpu\n");
        MklIntelPaths.Cpu cpu = MklIntelPaths.Cpu.read(info);
        assertEquals("AuthenticAMD", cpu.vendor());
        assertEquals(List.of("fpu", "sse2", "avx2", "fma"), cpu.flags());
        assertEquals("unknown", MklIntelPaths.Cpu.read(dir.resolve("absent")).vendor());
    }

    /**
     * The test JVM preloads the library (the parent pom's LD_PRELOAD), as the CLI loads it: MKL inside libtorch must
     * then report a processor-specific path (MKL's CPU type 0 is its generic path, which it takes on AMD otherwise).
     */
    @Test
    void mklInsideLibtorchLeavesItsGenericPathOnAnAvx2Processor() throws IOException {
        MklIntelPaths.Cpu cpu = MklIntelPaths.Cpu.read(Path.of("/proc/cpuinfo"));
        assumeTrue(cpu.flags().contains("avx2") && cpu.flags().contains("fma"), "the processor lacks AVX2 or FMA");
        String state = MklIntelPaths.apply();
        assertTrue(state.startsWith("on"), state);
        try (NDManager m = NDManager.newBaseManager(); NDArray x = m.ones(new Shape(64, 64))) {
            assertEquals(64f, x.matMul(x).getFloat(0, 0)); // MKL has dispatched at least once
        }
        Path libtorch;
        try (Stream<Path> s = Files.walk(Utils.getEngineCacheDir("pytorch"), 2)) {
            String version = Engine.getEngine("PyTorch").getVersion();
            libtorch = s.filter(p -> p.getFileName().toString().equals("libtorch_cpu.so")
                    && p.getParent().getFileName().toString().startsWith(version)).findFirst().orElse(null);
        }
        assumeTrue(libtorch != null, "libtorch_cpu.so not found under DJL's cache");
        int cpuType = NativeLibrary.getInstance(libtorch.toString()).getFunction("mkl_serv_cpu_detect").invokeInt(new Object[0]);
        assertNotEquals(0, cpuType, "MKL runs its generic path: " + state);
    }
}
