package org.gansweep.core.train;

import com.google.common.hash.Hashing;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.core.store.CacheFolder;

/**
 * Lets MKL inside libtorch take its AVX2 paths on AMD processors, where it would otherwise run its generic ones:
 * MKL asks "is this an Intel processor?" before it looks at the instruction set, and on AMD its vector maths
 * (torch.tanh) runs SSE2 code and its matrix products other kernels, whatever {@code MKL_CBWR=AVX2} says.
 * libtorch asks through its linkage table, so a 5 KB library that answers yes, loaded into the process's global
 * scope before the first tensor, is asked instead ({@code core/src/main/c/mkl_intel_paths.c} says how it is
 * built). The processor's feature bits still decide among MKL's paths and {@code MKL_CBWR} caps them at AVX2, so
 * this is done only where the processor has AVX2 and FMA; an AMD machine then computes what an Intel one does.
 * Measured on an AMD EPYC (Zen 3): tanh of 512x128 floats 249 to 134 us; ring-authors 96 to 122 steps/s.
 *
 * <p>{@code GANSWEEP_MKL_INTEL_PATHS=off} keeps MKL's own choice. {@link #state()} goes into every trial's
 * provenance, since the two choices give different numbers.
 */
public final class MklIntelPaths {
    /** The environment variable that turns the override off ({@code off}). */
    public static final String SWITCH = "GANSWEEP_MKL_INTEL_PATHS";
    private static final String RESOURCE = "libmkl-intel-paths.so";
    private static final String SYMBOL = "mkl_serv_intel_cpu_true";
    private static final int RTLD_LAZY_GLOBAL = 0x1 | 0x100;

    private static String state;
    private static NativeLibrary loaded; // held for the JVM's life

    private MklIntelPaths() {}

    /** Loads the override where it applies (once per JVM; call before the first tensor) and returns {@link #state()}. */
    public static synchronized String apply() {
        if (state == null) {
            state = decide();
        }
        return state;
    }

    /** "on", "on (preloaded)" or "off: why", as this JVM runs. */
    public static synchronized String state() {
        if (state != null) {
            return state;
        }
        return answersYes() ? "on (preloaded)" : "off: not applied in this JVM";
    }

    private static String decide() {
        if ("off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return "off: " + SWITCH + "=off";
        }
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "off: not x86-64 Linux";
        }
        if (answersYes()) {
            return "on (preloaded)";
        }
        Cpu cpu = Cpu.read(Path.of("/proc/cpuinfo"));
        if (cpu.vendor().equals("GenuineIntel")) {
            return "off: an Intel processor (MKL takes its AVX2 paths itself)";
        }
        if (!cpu.flags().contains("avx2") || !cpu.flags().contains("fma")) {
            return "off: the processor lacks AVX2 or FMA";
        }
        try {
            loaded = NativeLibrary.getInstance(extract().toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_GLOBAL));
        } catch (IOException | UnsatisfiedLinkError e) {
            return "off: could not load " + RESOURCE + " (" + e.getMessage() + ")";
        }
        return answersYes() ? "on" : "off: " + RESOURCE + " loaded but not seen in the global scope";
    }

    /** Whether the process's global scope answers MKL's vendor check with yes (our library, or one preloaded). */
    private static boolean answersYes() {
        try {
            return NativeLibrary.getProcess().getFunction(SYMBOL).invokeInt(new Object[0]) == 1;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /**
     * The library as a file: in the cache folder ({@link CacheFolder}) under a name with its content hash, written
     * once through a temporary file of its own (tasks on a shared home may race: each renames whole bytes into
     * place); a temporary file where the cache is not writable.
     */
    private static Path extract() throws IOException {
        byte[] bytes;
        try (InputStream in = MklIntelPaths.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the gansweep-core jar");
            }
            bytes = in.readAllBytes();
        }
        String name = "libmkl-intel-paths-" + sha256(bytes).substring(0, 16) + ".so";
        Path dir = CacheFolder.root().resolve("native");
        Path target = dir.resolve(name);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".part");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            Path tmp = Files.createTempFile(name, ".so");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, bytes);
            return tmp;
        }
    }

    private static String sha256(byte[] bytes) {
        return Hashing.sha256().hashBytes(bytes).toString();
    }

    /** The processor's vendor and feature flags, from the first processor in /proc/cpuinfo. */
    record Cpu(String vendor, List<String> flags) {
        static Cpu read(Path cpuinfo) {
            // Unreadable: vendor unknown, no flags, so the override stays off.
            Map<String, String> first = CpuInfo.firstProcessor(cpuinfo);
            String flags = first.getOrDefault("flags", "");
            return new Cpu(first.getOrDefault("vendor_id", "unknown"),
                    flags.isEmpty() ? List.of() : List.of(flags.toLowerCase(Locale.ROOT).split("\\s+")));
        }
    }
}
