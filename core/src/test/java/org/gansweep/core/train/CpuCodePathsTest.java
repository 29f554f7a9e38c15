package org.gansweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

/** A JVM started without the launcher's variables still runs libtorch's kernels on the pinned code paths. */
class CpuCodePathsTest {
    interface Env extends Library {
        String getenv(String name);

        int unsetenv(String name);
    }

    @Test
    void missingPinsAreSetNativelyAndKeptWhereTheUserGaveThem() {
        Env libc = Native.load("c", Env.class);
        // Whatever the test JVM was given, take one pin away and give another a user's value.
        String kept = libc.getenv("MKL_CBWR");
        libc.unsetenv("ONEDNN_MAX_CPU_ISA");
        CpuCodePaths.apply();
        assertEquals("AVX2", libc.getenv("ONEDNN_MAX_CPU_ISA"));
        assertEquals("AVX2", CpuCodePaths.effective().get("ONEDNN_MAX_CPU_ISA"));
        assertEquals(kept == null ? "AVX2,STRICT" : kept, libc.getenv("MKL_CBWR"));
        assertEquals(3, CpuCodePaths.effective().size());
        CpuCodePaths.effective().forEach((k, v) -> assertEquals(libc.getenv(k), v, k));
    }
}
