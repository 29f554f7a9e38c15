package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gansweep.core.numerics.KernelProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel self-test can fail, on any machine: a deliberately faulty kernel (one that leaves the second half of
 * its output unwritten), injected through {@code GANSWEEP_SELFTEST_INJECT}, is caught by {@code doctor}, makes a
 * run move to a path that passes, and stops a run with no passing path before anything is trained.
 */
class DoctorTest {
    interface Env extends Library {
        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);
    }

    private static final Env LIBC = Native.load("c", Env.class);

    @TempDir
    Path tmp;

    @AfterEach
    void noInjection() {
        LIBC.unsetenv(KernelProbe.INJECT);
    }

    private static List<String> lines(String out, String family) {
        return out.lines().filter(l -> l.trim().startsWith(family + " ")).toList();
    }

    /**
     * Every family gets a line per backend naming the library that ran it, and the exit code follows the verdicts.
     * Whether this machine's kernels pass is the machine's business (issue 21's Zen 5 fails oneDNN's): the test
     * checks the report, not the processor.
     */
    @Test
    void everyCheckedFamilyIsReportedWithItsLibraryAndVerdict() {
        Tiny.Result r = Tiny.cli("doctor", "--family", "conv-backward-data", "--family", "adam", "--family", "losses");
        List<String> conv = lines(r.out(), "conv-backward-data");
        assertEquals(2, conv.size(), r.out()); // one line per convolution backend
        assertTrue(conv.stream().anyMatch(l -> l.contains(" onednn ") && l.contains("backward_data")), r.out());
        assertTrue(conv.stream().anyMatch(l -> l.contains(" aten ") && l.contains("slow_conv2d")), r.out());
        for (String l : r.out().lines().filter(x -> x.startsWith("  ")).toList()) {
            assertTrue(l.contains(" pass ") || l.contains(" FAIL "), l);
        }
        boolean runsHaveAPath = !r.out().contains("runs compute on: nothing");
        assertTrue(r.out().contains("runs compute on: "), r.out());
        assertEquals(runsHaveAPath ? 0 : 1, r.code(), r.out() + r.err());
        if (runsHaveAPath) {
            assertTrue(lines(r.out(), "adam").stream().allMatch(l -> l.contains(" pass ")), r.out());
        }
        assertTrue(r.out().startsWith("processor: "), r.out());
    }

    @Test
    void aKernelThatLeavesOutputUnwrittenFailsItsFamilyOnEveryBackend() {
        LIBC.setenv(KernelProbe.INJECT, "conv-forward", 1);
        Tiny.Result r = Tiny.cli("doctor", "--family", "conv-forward", "--family", "losses");
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> conv = lines(r.out(), "conv-forward");
        assertEquals(2, conv.size(), r.out());
        for (String l : conv) {
            assertTrue(l.contains("FAIL") && l.contains("has not written") && l.contains("[fault injected]"), l);
        }
        assertTrue(lines(r.out(), "losses").get(0).contains("pass"), r.out());
        assertTrue(r.out().contains("runs compute on: nothing"), r.out());
    }

    @Test
    void aFaultInOneBackendSendsRunsToTheOther() {
        LIBC.setenv(KernelProbe.INJECT, "conv-backward-weights@onednn", 1);
        Tiny.Result r = Tiny.cli("doctor", "--family", "conv-backward-weights");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> conv = lines(r.out(), "conv-backward-weights");
        assertTrue(conv.stream().anyMatch(l -> l.contains(" onednn ") && l.contains("FAIL")), r.out());
        assertTrue(conv.stream().anyMatch(l -> l.contains(" aten ") && l.contains("pass")), r.out());
        assertTrue(r.out().contains("/aten (passed over: ") && r.out().contains("/onednn failed"), r.out());
    }

    @Test
    void anUnknownFamilyIsAnError() {
        Tiny.Result r = Tiny.cli("doctor", "--family", "conv-fwd");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such op family") && r.err().contains("conv-forward"), r.err());
    }

    @Test
    void aRunWithNoPassingPathTrainsNothingAndSaysWhy() throws Exception {
        // A fresh JVM: this one may have chosen its paths already (once per process).
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        Path out = tmp.resolve("runs");
        List<String> cmd = JvmWorkerLauncher.javaCommand(true);
        cmd.addAll(List.of("run", grid.toString(), "--out", out.toString(), "--workers", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(KernelProbe.INJECT, "linear");
        pb.environment().put("GANSWEEP_CACHE", tmp.resolve("cache").toString());
        Process p = pb.start();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        p.getInputStream().transferTo(text);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not end");
        String said = text.toString(StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), said);
        assertTrue(said.contains("no code path passed the kernel self-test") && said.contains("linear") && said.contains("Nothing was trained"), said);
        assertFalse(Files.exists(out.resolve("tiny").resolve("trials")), "a trial folder was made: " + said);
    }
}
