package org.gansweep.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-libtorch route (the GPU route): settings DJL would silently misread are refused with what to do. */
class LocalLibtorchTest {
    @TempDir
    Path tmp;

    private static Optional<String> problem(Map<String, String> env) {
        return LocalLibtorch.problem(env::get);
    }

    @Test
    void completeSettingsOrNoneAreFine() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("libtorch.so"), "");
        assertEquals(Optional.empty(), problem(Map.of()));
        assertEquals(Optional.empty(), problem(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(), "PYTORCH_FLAVOR", "cu128")));
        assertEquals(Optional.empty(), problem(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(), "PYTORCH_FLAVOR", "cpu", "PYTORCH_VERSION", "2.7.1")));
    }

    @Test
    void eachIncompleteSettingIsNamedWithItsFix() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("libtorch.so"), "");
        Map<String, String> env = new HashMap<>(Map.of("PYTORCH_LIBRARY_PATH", tmp.resolve("empty").toString(), "PYTORCH_FLAVOR", "cu128"));
        assertTrue(problem(env).orElseThrow().contains("holds no libtorch.so, so the bundled CPU library would load instead"), problem(env).get());
        env.put("PYTORCH_LIBRARY_PATH", lib + ":" + tmp);
        assertTrue(problem(env).orElseThrow().contains("names several folders"), problem(env).get());
        env.put("PYTORCH_LIBRARY_PATH", lib.toString());
        env.remove("PYTORCH_FLAVOR");
        assertTrue(problem(env).orElseThrow().contains("PYTORCH_FLAVOR must be cpu or cu128"), problem(env).get());
        env.put("PYTORCH_FLAVOR", "cu124");
        assertTrue(problem(env).orElseThrow().contains("got 'cu124'"), problem(env).get());
        env.put("PYTORCH_FLAVOR", "cu128");
        env.put("PYTORCH_VERSION", "2.5.1");
        assertTrue(problem(env).orElseThrow().contains("built for 2.7.1 only"), problem(env).get());
    }

    @Test
    void libtorchTakesAndReportsTheDeterministicSetting() {
        Engine.getInstance();
        boolean before = TorchNatives.deterministic();
        try {
            TorchNatives.deterministicAlgorithms(true);
            assertTrue(TorchNatives.deterministic());
            assertEquals(true, LocalLibtorch.loaded().deterministicAlgorithms());
            TorchNatives.deterministicAlgorithms(false);
            assertFalse(TorchNatives.deterministic());
        } finally {
            TorchNatives.deterministicAlgorithms(before);
        }
        assertTrue(LocalLibtorch.loaded().folder().startsWith("/"), LocalLibtorch.loaded().toString());
    }
}
