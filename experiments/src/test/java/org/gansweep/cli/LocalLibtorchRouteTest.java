package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.numerics.TorchNatives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27: the GPU route (a local libtorch through DJL's PYTORCH_LIBRARY_PATH) tested on a CPU machine, pointed at
 * the CPU libtorch unpacked from the Maven jar, put in a folder of its own: the sweep trains on it, provenance names
 * it, and the numbers are those of the bundled library. Incomplete settings stop before anything is trained.
 */
class LocalLibtorchRouteTest {
    @TempDir
    Path tmp;

    /** The bundled libtorch's files, linked (or copied) into a folder of their own, as a user's download would be. */
    private Path localLibrary() throws IOException {
        Engine.getInstance();
        Path bundled = TorchNatives.libtorchFolder().orElseThrow();
        Path lib = Files.createDirectories(tmp.resolve("libtorch/lib"));
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".so") || f.getFileName().toString().contains(".so.")).toList()) {
                if (f.getFileName().toString().contains("djl_torch")) {
                    continue; // DJL's bridge comes from its JNI jar, by flavor
                }
                try {
                    Files.createLink(lib.resolve(f.getFileName()), f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, lib.resolve(f.getFileName()));
                }
            }
        }
        return lib;
    }

    private record Ran(int code, String said) {}

    private Ran run(Path out, Map<String, String> env) throws Exception {
        Path grid = Tiny.write(tmp, "tiny.yaml", Tiny.RING);
        List<String> cmd = JvmWorkerLauncher.javaCommand(true);
        cmd.addAll(List.of("run", grid.toString(), "--out", out.toString(), "--workers", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return new Ran(p.exitValue(), said);
    }

    @Test
    void aSweepTrainsOnALocalLibtorchNamesItAndMatchesTheBundledOne() throws Exception {
        Path lib = localLibrary();
        Ran local = run(tmp.resolve("local"), Map.of("PYTORCH_LIBRARY_PATH", lib.toString(), "PYTORCH_FLAVOR", "cpu", "PYTORCH_VERSION", "2.7.1"));
        assertEquals(0, local.code(), local.said());
        Ran bundled = run(tmp.resolve("bundled"), Map.of());
        assertEquals(0, bundled.code(), bundled.said());
        try (Stream<Path> trials = Files.list(tmp.resolve("local/tiny/trials"))) {
            for (Path t : trials.toList()) {
                JsonNode libtorch = Yaml.json().readTree(t.resolve("summary.json").toFile()).get("provenance").get("libtorch");
                assertEquals(lib.toString(), libtorch.get("folder").asText(), libtorch.toString());
                assertEquals("PYTORCH_LIBRARY_PATH", libtorch.get("source").asText());
                assertEquals("cpu", libtorch.get("flavor").asText());
                Path twin = tmp.resolve("bundled/tiny/trials").resolve(t.getFileName());
                JsonNode other = Yaml.json().readTree(twin.resolve("summary.json").toFile()).get("provenance").get("libtorch");
                assertTrue(other.get("source").asText().startsWith("bundled"), other.toString());
                assertEquals(Files.readString(twin.resolve("metrics.csv")), Files.readString(t.resolve("metrics.csv")),
                        "the same library in another folder gave other numbers");
            }
        }
    }

    @Test
    void incompleteSettingsStopBeforeAnythingIsTrained() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Ran noLibrary = run(tmp.resolve("a"), Map.of("PYTORCH_LIBRARY_PATH", empty.toString(), "PYTORCH_FLAVOR", "cu128"));
        assertEquals(2, noLibrary.code(), noLibrary.said());
        assertTrue(noLibrary.said().contains("holds no libtorch.so"), noLibrary.said());
        assertFalse(Files.exists(tmp.resolve("a/tiny/trials")), "a trial folder was made");
    }
}
