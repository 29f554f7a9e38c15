package org.gansweep.cli;

import java.io.PrintWriter;
import org.gansweep.core.numerics.Numerics;
import org.gansweep.core.numerics.NumericsMode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before the first test of this JVM touches a tensor, its code paths are verified by the kernel self-test, as the
 * CLI's are (surefire fixes the level to AVX2; the convolution backend is the first that passes here). So the
 * in-process tests never compute on a path this machine's self-test has seen fail, whatever the processor.
 * Registered for every test class through JUnit's extension autodetection (junit-platform.properties).
 */
public final class VerifiedCodePaths implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        if (Numerics.current() != null) {
            return;
        }
        Integer refused = NumericsChoice.prepare(NumericsMode.FASTEST, new PrintWriter(System.err, true));
        if (refused != null) {
            throw new IllegalStateException("no code path passes the kernel self-test on this machine: see `gansweep doctor`");
        }
    }
}
