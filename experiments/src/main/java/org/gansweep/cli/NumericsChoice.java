package org.gansweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.gansweep.core.numerics.CodePaths;
import org.gansweep.core.numerics.ConvolutionBackend;
import org.gansweep.core.numerics.IsaLevel;
import org.gansweep.core.numerics.KernelProbe;
import org.gansweep.core.numerics.KernelSelfTest;
import org.gansweep.core.numerics.Numerics;
import org.gansweep.core.numerics.NumericsException;
import org.gansweep.core.numerics.NumericsMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --numerics} option of the commands that compute, and the one place they verify and apply their
 * code paths before the first tensor (see {@link Numerics}).
 */
final class NumericsChoice {
    @Option(names = "--numerics", paramLabel = "fastest|portable", converter = ModeConverter.class,
            description = "fastest: the fastest code paths that pass the kernel self-test on this machine (the default;"
                    + " the same bytes on the same processor type); portable: AVX2 paths, the same bytes across processor"
                    + " generations, slower. A grid may say `numerics:` too; this option wins.")
    NumericsMode mode;

    /** The mode asked for here, else by the grid (an unknown value is the grid loader's to report), else fastest. */
    NumericsMode resolve(String gridField) {
        if (mode != null) {
            return mode;
        }
        try {
            return gridField != null ? NumericsMode.parse(gridField) : NumericsMode.FASTEST;
        } catch (IllegalArgumentException e) {
            return NumericsMode.FASTEST;
        }
    }

    /** Verifies and applies the code paths: null when this process may compute, else the exit code (2) after a message. */
    static Integer prepare(NumericsMode mode, PrintWriter err) {
        try {
            Numerics.prepare(mode, selfTest(), err);
            return null;
        } catch (NumericsException e) {
            err.println("gansweep: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /** The self-test, its probe run as {@code gansweep doctor --probe} in a JVM of its own. */
    static KernelSelfTest selfTest() {
        return new KernelSelfTest(env -> startProbe(env, Map.of()));
    }

    /** A self-test whose probe gets these variables too; its verdicts are partial, so never cached. */
    static KernelSelfTest selfTest(Map<String, String> extra) {
        return new KernelSelfTest(env -> startProbe(env, extra), false);
    }

    private static Process startProbe(Map<String, String> env, Map<String, String> extra) throws IOException {
        List<String> cmd = JvmWorkerLauncher.javaCommand(true);
        cmd.add("doctor");
        cmd.add("--probe");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        IsaLevel.VARIABLES.forEach(e::remove);
        e.remove(ConvolutionBackend.VARIABLE);
        e.putIfAbsent("DJL_OFFLINE", "true");
        String inject = CodePaths.get(KernelProbe.INJECT);
        if (inject != null) {
            e.put(KernelProbe.INJECT, inject);
        }
        e.putAll(env);
        e.putAll(extra);
        return pb.start();
    }

    static final class ModeConverter implements ITypeConverter<NumericsMode> {
        @Override
        public NumericsMode convert(String value) {
            try {
                return NumericsMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
