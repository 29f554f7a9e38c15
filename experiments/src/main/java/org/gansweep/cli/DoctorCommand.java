package org.gansweep.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gansweep.core.numerics.CodePath;
import org.gansweep.core.numerics.CodePaths;
import org.gansweep.core.numerics.FamilyResult;
import org.gansweep.core.numerics.KernelCheck;
import org.gansweep.core.numerics.KernelProbe;
import org.gansweep.core.numerics.KernelSelfTest;
import org.gansweep.core.numerics.Numerics;
import org.gansweep.core.numerics.NumericsException;
import org.gansweep.core.numerics.NumericsMode;
import org.gansweep.core.numerics.SelfTestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gansweep doctor}: the kernel self-test of every code path this machine can use, one line per op family
 * and convolution backend (the library that ran it and pass or fail), then the path runs will take.
 */
@Command(name = "doctor", description = "Check the math kernels every shipped architecture trains with, on this machine:"
        + " each op family on NaN-filled and zeroed memory against a float64 reference, on each code path."
        + " Exit 0 when runs have a verified path, 1 when none passes.")
final class DoctorCommand implements Callable<Integer> {
    /** The order families are shown in; families not named here follow in binding order. */
    private static final List<String> ORDER = List.of("conv-forward", "conv-backward-data", "conv-backward-weights",
            "transposed-conv", "batch-norm", "linear", "adam", "losses", "architectures");

    /** The probe's family filter, handed over by --family. */
    static final String ONLY = "GANSWEEP_SELFTEST_FAMILIES";

    private final Set<KernelCheck> checks;

    @Inject
    DoctorCommand(Set<KernelCheck> checks) {
        this.checks = checks;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    NumericsChoice numerics = new NumericsChoice();

    @Option(names = "--fresh", description = "check again even where this machine's verdicts are cached")
    boolean fresh;

    @Option(names = "--family", paramLabel = "NAME", description = "check only these op families (repeatable; verdicts are"
            + " then not cached, and runs still check every family)")
    List<String> families = new ArrayList<>();

    @Option(names = "--probe", hidden = true, description = "run the checks in this process (what the self-test starts)")
    boolean probe;

    @Override
    public Integer call() throws Exception {
        if (probe) {
            String only = CodePaths.get(ONLY);
            List<KernelCheck> run = ordered().stream()
                    .filter(c -> only == null || List.of(only.split(",")).contains(c.family())).toList();
            new KernelProbe(run, CodePaths.get(KernelProbe.INJECT)).run(System.out);
            return 0;
        }
        List<String> known = ordered().stream().map(KernelCheck::family).toList();
        for (String f : families) {
            if (!known.contains(f)) {
                spec.commandLine().getErr().println("gansweep: --family " + f + ": no such op family; the families are "
                        + String.join(", ", known));
                return 2;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        NumericsMode mode = numerics.resolve(null);
        Map<String, String> machine = KernelSelfTest.machine();
        out.printf("processor: %s (family %s, model %s, stepping %s)%n", machine.get("model name"), machine.get("cpu family"),
                machine.get("model"), machine.get("stepping"));
        out.println("libraries: " + KernelSelfTest.libraries());
        List<CodePath> candidates;
        try {
            candidates = Numerics.candidates(mode);
        } catch (NumericsException e) {
            spec.commandLine().getErr().println("gansweep: " + e.getMessage());
            return 2;
        }
        KernelSelfTest selfTest = families.isEmpty() ? NumericsChoice.selfTest() : NumericsChoice.selfTest(Map.of(ONLY, String.join(",", families)));
        Map<Map<String, String>, SelfTestReport> reports = new LinkedHashMap<>();
        for (CodePath c : candidates) {
            if (!reports.containsKey(c.env())) {
                SelfTestReport r = selfTest.verify(c.level() != null ? c.level().id() : "custom", c.env(), fresh);
                reports.put(c.env(), r);
                print(out, r);
            }
        }
        List<String> passedOver = new ArrayList<>();
        for (CodePath c : candidates) {
            if (reports.get(c.env()).passes(c.convolutions())) {
                out.println("runs compute on: " + c.name() + (passedOver.isEmpty() ? "" : " (passed over: " + String.join(", ", passedOver) + ")")
                        + ", numerics " + mode);
                return 0;
            }
            passedOver.add(c.name() + " failed");
        }
        out.println("runs compute on: nothing: no code path passed; gansweep refuses to train here (exit 2 from run)."
                + " Report this output to the gansweep project.");
        return 1;
    }

    private static void print(PrintWriter out, SelfTestReport r) {
        out.printf("%s %s: checked %s in %.1f s%n", r.level(), r.env(), r.checkedAt(), r.seconds());
        for (FamilyResult f : r.results()) {
            out.printf("  %-22s %-7s %-5s %5.1f s  %s; %s%n", f.family(), f.convolutions(), f.passed() ? "pass" : "FAIL", f.seconds(), f.library(), f.detail());
        }
        out.flush();
    }

    private List<KernelCheck> ordered() {
        List<KernelCheck> out = new ArrayList<>(checks);
        out.sort(Comparator.comparingInt(c -> {
            int i = ORDER.indexOf(c.family());
            return i < 0 ? ORDER.size() : i;
        }));
        return out;
    }
}
