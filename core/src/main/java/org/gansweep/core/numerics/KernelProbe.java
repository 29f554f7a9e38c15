package org.gansweep.core.numerics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansweep.core.config.Yaml;

/**
 * The self-test's inside: runs every {@link KernelCheck} in this process, on the code path its environment
 * selects, once per convolution backend where the family uses convolutions, and prints one marked line before
 * and one after each, so that the parent can tell which of oneDNN's trace lines ({@code ONEDNN_VERBOSE=1})
 * belong to which family. Run in a process of its own: it changes the allocator's fill for the whole process.
 *
 * <p>Test hook: {@value #INJECT} = {@code FAMILY} or {@code FAMILY@BACKEND} makes that family's first output
 * come from a deliberately faulty kernel, one that leaves the second half of its output unwritten. The
 * self-test must then fail that family on every machine.
 */
public final class KernelProbe {
    /** The prefix of the probe's own lines on standard output. */
    public static final String MARK = "@@gansweep-probe ";
    /** The fault-injection hook (documented in the README under the doctor). */
    public static final String INJECT = "GANSWEEP_SELFTEST_INJECT";

    private final List<KernelCheck> checks;
    private final String inject;

    public KernelProbe(List<KernelCheck> checks, String inject) {
        this.checks = checks;
        this.inject = inject == null ? "" : inject.trim();
    }

    interface LibC extends Library {
        int fflush(Pointer stream);
    }

    /** Runs every check and prints the marked lines to {@code out}; returns the results. */
    public List<FamilyResult> run(PrintStream out) {
        Engine.getInstance(); // loads libtorch under this process's environment
        CodePath path = new CodePath(null, CodePaths.environment(), ConvolutionBackend.ONEDNN);
        LibC libc = Native.load("c", LibC.class);
        List<FamilyResult> results = new ArrayList<>();
        for (KernelCheck check : checks) {
            List<ConvolutionBackend> backends = check.usesConvolutions()
                    ? List.of(ConvolutionBackend.ONEDNN, ConvolutionBackend.ATEN) : List.of(ConvolutionBackend.ONEDNN);
            for (ConvolutionBackend backend : backends) {
                backend.apply();
                libc.fflush(null); // oneDNN's trace goes through C's stdout: keep it in order with the marks
                out.println(MARK + "begin " + check.family() + " " + backend.id());
                out.flush();
                FamilyResult r = check(check, backend, path);
                libc.fflush(null);
                out.println(MARK + "result " + Yaml.json().valueToTree(r).toString());
                out.flush();
                results.add(r);
            }
        }
        TorchNatives.fill(TorchNatives.Fill.NONE);
        ConvolutionBackend.ONEDNN.apply();
        return results;
    }

    private FamilyResult check(KernelCheck check, ConvolutionBackend backend, CodePath path) {
        boolean faulty = inject.equals(check.family()) || inject.equals(check.family() + "@" + backend.id());
        String label = check.usesConvolutions() ? backend.id() : "any";
        String library = check.usesConvolutions() && backend == ConvolutionBackend.ATEN
                ? check.atenConvolutions() : check.library(path);
        long start = System.nanoTime();
        try {
            Map<String, double[]> onNaN = outputs(check, DataType.FLOAT32, TorchNatives.Fill.NAN, faulty);
            Map<String, double[]> onZero = outputs(check, DataType.FLOAT32, TorchNatives.Fill.ZERO, faulty);
            Map<String, double[]> reference = outputs(check, DataType.FLOAT64, TorchNatives.Fill.NONE, false);
            String failure = compare(onNaN, onZero, reference, check.tolerance());
            boolean passed = failure.startsWith("max error");
            return new FamilyResult(check.family(), label, passed, library, failure + (faulty ? " [fault injected]" : ""), since(start));
        } catch (RuntimeException e) {
            return new FamilyResult(check.family(), label, false, library, "threw " + e, since(start));
        } finally {
            TorchNatives.fill(TorchNatives.Fill.NONE);
        }
    }

    private static double since(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static Map<String, double[]> outputs(KernelCheck check, DataType precision, TorchNatives.Fill fill, boolean faulty) {
        Map<String, double[]> kept = new LinkedHashMap<>();
        TorchNatives.fill(fill);
        try (NDManager m = NDManager.newBaseManager()) {
            boolean[] first = {faulty};
            check.compute(m, precision, (name, value) -> {
                NDArray v = value;
                if (first[0]) {
                    v = halfWritten(m, value);
                    first[0] = false;
                }
                if (v.getDataType() == DataType.FLOAT64) {
                    kept.put(name, v.toDoubleArray());
                } else {
                    try (NDArray d = v.toType(DataType.FLOAT64, false)) {
                        kept.put(name, d.toDoubleArray());
                    }
                }
            });
        } finally {
            TorchNatives.fill(TorchNatives.Fill.NONE);
        }
        return kept;
    }

    /** The injected fault: a fresh output of which only the first half is written. */
    private static NDArray halfWritten(NDManager m, NDArray value) {
        NDArray out = m.create(value.getShape(), value.getDataType()); // torch::empty: whatever the allocator gave
        long half = value.size() / 2;
        NDArray flat = out.reshape(-1);
        flat.set(new NDIndex("0:" + half), value.reshape(-1).get("0:" + half));
        return flat.reshape(value.getShape());
    }

    /** "max error E of M" when the family passes, else why it fails. */
    static String compare(Map<String, double[]> onNaN, Map<String, double[]> onZero, Map<String, double[]> ref, double tolerance) {
        double worst = 0;
        double scaleOfWorst = 0;
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            String name = e.getKey();
            double[] r = e.getValue();
            double[] a = onNaN.get(name);
            double[] b = onZero.get(name);
            if (a == null || b == null || a.length != r.length || b.length != r.length) {
                return name + ": the float32 runs gave no output of the reference's size";
            }
            double scale = 0;
            for (double x : r) {
                scale = Math.max(scale, Math.abs(x));
            }
            for (int i = 0; i < r.length; i++) {
                if (!Double.isFinite(a[i]) && Double.isFinite(r[i])) {
                    return name + ": " + a[i] + " at element " + i + " on NaN-filled memory (reference " + r[i]
                            + "): the kernel reads memory it has not written";
                }
                if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                    return name + ": element " + i + " is " + a[i] + " on NaN-filled memory and " + b[i]
                            + " on zeroed memory: the kernel reads memory it has not written";
                }
                double err = Math.abs(a[i] - r[i]);
                if (err > tolerance * Math.max(scale, 1e-30)) {
                    return name + ": element " + i + " is " + a[i] + ", the float64 reference " + r[i]
                            + " (allowed " + tolerance + " of " + scale + ")";
                }
                if (err / Math.max(scale, 1e-30) > worst / Math.max(scaleOfWorst, 1e-30)) {
                    worst = err;
                    scaleOfWorst = scale;
                }
            }
        }
        return String.format(Locale.ROOT, "max error %.2g of %.3g", worst, scaleOfWorst);
    }
}
