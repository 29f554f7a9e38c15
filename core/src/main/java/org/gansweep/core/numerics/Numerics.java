package org.gansweep.core.numerics;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses, verifies and applies the code paths this process computes with, once, before its first tensor.
 *
 * <p>{@link NumericsMode#FASTEST} tries the widest level the processor has (AVX-512, then AVX2), and at each
 * oneDNN's convolutions, then PyTorch's own; {@link NumericsMode#PORTABLE} tries AVX2 only. Each level is
 * verified by the {@link KernelSelfTest} (cached per machine type), and the first that passes is used. Where the
 * environment already sets the variables (a user's choice, a parent sweep's workers, a Slurm task, a test
 * harness) that level is the only candidate, and {@value ConvolutionBackend#VARIABLE} fixes the backend.
 * gansweep never trains on a path the self-test has seen fail: if none passes, {@link #prepare} throws with what
 * failed and what to do.
 */
public final class Numerics {
    private static Selection current;

    private Numerics() {}

    /**
     * What a process computes with.
     *
     * @param mode what was asked
     * @param path the code paths in use
     * @param report the self-test's verdicts for the path's level
     * @param note what was passed over and why, or empty
     */
    public record Selection(NumericsMode mode, CodePath path, SelfTestReport report, String note) {
        /** For provenance: the path, the mode, and the self-test's key, time and verdict. */
        public NumericsProvenance provenance() {
            List<String> libraries = report.results().stream()
                    .filter(r -> r.convolutions().equals("any") || r.convolutions().equals(path.convolutions().id()))
                    .map(r -> r.family() + ": " + r.library())
                    .toList();
            var selfTest = new NumericsProvenance.SelfTest(report.key(), report.checkedAt(), report.passes(path.convolutions()), libraries);
            return new NumericsProvenance(path.name(), mode.id(), path.env(), path.convolutions().id(), selfTest,
                    note.isEmpty() ? null : note);
        }
    }

    /** The selection of this process, or null before {@link #prepare}. */
    public static synchronized Selection current() {
        return current;
    }

    /**
     * Chooses and verifies this process's code paths (once; later calls return the same selection, or throw
     * when they ask for another mode than the process already runs) and says on {@code err} what it chose when
     * it passed over a faster path.
     */
    public static synchronized Selection prepare(NumericsMode mode, KernelSelfTest selfTest, PrintWriter err)
            throws NumericsException {
        if (current != null) {
            if (mode == NumericsMode.PORTABLE && current.path().level() != IsaLevel.AVX2) {
                throw new NumericsException("this process already computes on " + current.path().name()
                        + "; portable numerics need a fresh process");
            }
            return current;
        }
        boolean loaded = TorchNatives.mapped("libtorch_cpu.so").isPresent();
        Optional<String> library = LocalLibtorch.problem(CodePaths::get);
        if (library.isPresent()) {
            throw new NumericsException(library.get());
        }
        if (!loaded) {
            LocalLibtorch.prepareDeterminism();
        }
        boolean fixed = CodePaths.environmentFixesLevel() || loaded;
        List<CodePath> candidates = candidates(mode, fixed);
        List<String> passedOver = new ArrayList<>();
        Map<Map<String, String>, SelfTestReport> verified = new LinkedHashMap<>(); // one probe per level
        for (CodePath c : candidates) {
            SelfTestReport report = verified.get(c.env());
            try {
                if (report == null) {
                    report = selfTest.verify(c.level() != null ? c.level().id() : "custom", c.env());
                    verified.put(c.env(), report);
                }
            } catch (IOException e) {
                throw new NumericsException("the kernel self-test could not run: " + e.getMessage()
                        + "; `gansweep doctor` runs it on its own and shows what fails");
            }
            if (report.passes(c.convolutions())) {
                if (!fixed) {
                    c.env().forEach(CodePaths::set);
                }
                Engine engine = Engine.getInstance(); // loads libtorch under these variables
                c.convolutions().apply();
                if (engine.getGpuCount() > 0) {
                    // On a GPU the same bytes twice need deterministic kernels (CPU kernels gansweep runs are already).
                    TorchNatives.deterministicAlgorithms(true);
                }
                String note = String.join("; ", passedOver);
                if (!note.isEmpty()) {
                    err.println("gansweep: numerics: " + note + "; computing on " + c.name() + ", which passed");
                    err.flush();
                }
                current = new Selection(mode, c, report, note);
                return current;
            }
            passedOver.add(c.name() + " failed the kernel self-test (" + String.join("; ", report.failures(c.convolutions())) + ")");
        }
        throw new NumericsException("no code path passed the kernel self-test on this machine: "
                + String.join("; ", passedOver) + ". Nothing was trained. Run `gansweep doctor` for the whole report;"
                + (fixed ? " unset MKL_CBWR, ONEDNN_MAX_CPU_ISA, ATEN_CPU_CAPABILITY and " + ConvolutionBackend.VARIABLE
                        + " to let gansweep choose a verified path," : "")
                + " and report the processor and the failing families to the gansweep project");
    }

    /** The paths a run in this process would try, fastest first. */
    public static List<CodePath> candidates(NumericsMode mode) throws NumericsException {
        return candidates(mode, CodePaths.environmentFixesLevel() || TorchNatives.mapped("libtorch_cpu.so").isPresent());
    }

    /** The paths to try, fastest first. */
    static List<CodePath> candidates(NumericsMode mode, boolean fixed) throws NumericsException {
        String wanted = CodePaths.get(ConvolutionBackend.VARIABLE);
        List<ConvolutionBackend> backends;
        try {
            backends = wanted != null ? List.of(ConvolutionBackend.parse(wanted)) : List.of(ConvolutionBackend.ONEDNN, ConvolutionBackend.ATEN);
        } catch (IllegalArgumentException e) {
            throw new NumericsException(e.getMessage());
        }
        List<CodePath> out = new ArrayList<>();
        if (fixed) {
            Map<String, String> env = CodePaths.environment();
            IsaLevel level = IsaLevel.of(env);
            if (mode == NumericsMode.PORTABLE && level != IsaLevel.AVX2) {
                throw new NumericsException("portable numerics compute on AVX2 paths, but "
                        + (TorchNatives.mapped("libtorch_cpu.so").isPresent() && !CodePaths.environmentFixesLevel()
                                ? "this process already loaded libtorch on its own choice"
                                : "the environment sets " + env)
                        + ": unset MKL_CBWR, ONEDNN_MAX_CPU_ISA and ATEN_CPU_CAPABILITY, or drop --numerics portable");
            }
            for (ConvolutionBackend b : backends) {
                out.add(new CodePath(level, env, b));
            }
            return out;
        }
        List<IsaLevel> levels = new ArrayList<>();
        Set<String> flags = KernelSelfTest.cpuFlags();
        if (mode == NumericsMode.FASTEST && IsaLevel.AVX512.runsOn(flags)) {
            levels.add(IsaLevel.AVX512);
        }
        if (IsaLevel.AVX2.runsOn(flags)) {
            levels.add(IsaLevel.AVX2);
        }
        if (levels.isEmpty()) {
            throw new NumericsException("this processor has neither AVX-512 nor AVX2 with FMA (flags: "
                    + String.join(" ", flags) + "); gansweep's verified code paths need one of them");
        }
        for (IsaLevel l : levels) {
            for (ConvolutionBackend b : backends) {
                out.add(CodePath.of(l, b));
            }
        }
        return out;
    }
}
