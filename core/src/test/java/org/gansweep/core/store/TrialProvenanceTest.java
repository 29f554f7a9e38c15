package org.gansweep.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.numerics.Numerics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json's provenance as a typed record: today's bytes, old files and unknown keys. */
class TrialProvenanceTest {
    /** A summary.json as gansweep writes it today: every provenance key, numerics with a note, on Slurm. */
    static final String TODAY = """
            {
              "trial" : "gan_s1-9391c232",
              "status" : "completed",
              "metrics" : {
                "d_loss" : 1.25,
                "modes_covered" : 8.0
              },
              "seed" : 1,
              "steps" : 300,
              "seconds" : 12.345,
              "setting" : {
                "loss" : "gan"
              },
              "config_hash" : "9391c232aa00bb11",
              "provenance" : {
                "gansweep_version" : "dev",
                "git_commit" : "0123456789abcdef0123456789abcdef01234567-dirty",
                "config_hash" : "9391c232aa00bb11",
                "seed" : 1,
                "djl_version" : "0.35.1",
                "engine" : "PyTorch",
                "engine_version" : "2.7.1",
                "device" : "cpu()",
                "libtorch" : {
                  "folder" : "/home/u/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64",
                  "source" : "bundled (pytorch-native-cpu jar)",
                  "flavor" : null,
                  "deterministic_algorithms" : true,
                  "CUBLAS_WORKSPACE_CONFIG" : ":4096:8"
                },
                "intra_op_threads" : "1",
                "interop_threads" : "default",
                "cpu_code_paths" : {
                  "MKL_CBWR" : "AVX2,STRICT",
                  "ONEDNN_MAX_CPU_ISA" : "AVX2",
                  "ATEN_CPU_CAPABILITY" : "avx2"
                },
                "numerics" : {
                  "path" : "avx2/onednn",
                  "mode" : "portable",
                  "variables" : {
                    "ATEN_CPU_CAPABILITY" : "avx2",
                    "MKL_CBWR" : "AVX2,STRICT",
                    "ONEDNN_MAX_CPU_ISA" : "AVX2"
                  },
                  "convolutions" : "onednn",
                  "self_test" : {
                    "key" : "3f2a",
                    "checked_at" : "2025-01-02T03:04:05Z",
                    "passed" : true,
                    "libraries" : [ "matmul: mkl", "conv: onednn" ]
                  },
                  "note" : "avx512/onednn failed the kernel self-test"
                },
                "mkl_intel_paths" : "on",
                "cpu_model" : "AMD EPYC 7763 64-Core Processor (avx2)",
                "java" : "OpenJDK 64-Bit Server VM 17.0.13+11",
                "os" : "Linux 6.1.0 amd64",
                "cpus" : 2,
                "host" : "node7",
                "slurm_job_id" : "4242",
                "slurm_array_task_id" : "3",
                "slurm_cpus_per_task" : "unset",
                "finished_at" : "2025-01-02T03:05:06.789Z"
              },
              "files" : {
                "metrics.csv" : "ab12"
              }
            }""";

    @Test
    void todaysSummaryReadsAndWritesBackByteForByte() throws Exception {
        // The text is today's format: the map gansweep held provenance in writes it back unchanged...
        assertEquals(TODAY, Yaml.json().writeValueAsString(Yaml.json().readValue(TODAY, LinkedHashMap.class)));
        // ...and so does the record, key for key.
        Summary s = Yaml.json().readValue(TODAY, Summary.class);
        assertEquals(TODAY, Yaml.json().writeValueAsString(s));
        TrialProvenance p = s.provenance();
        assertEquals("2.7.1", p.engineVersion());
        assertEquals(1L, p.seed());
        assertEquals(2, p.cpus());
        assertEquals("4242", p.slurmJobId());
        assertEquals(true, p.libtorch().deterministicAlgorithms());
        assertNull(p.libtorch().flavor());
        assertEquals("avx2/onednn", s.codePath());
        assertEquals(List.of("matmul: mkl", "conv: onednn"), p.numerics().selfTest().libraries());
    }

    @Test
    void theProvenanceOfARunHasTodaysKeysInTodaysOrder() throws Exception {
        JsonNode written = Yaml.json().valueToTree(Provenance.collect("9391c232aa00bb11", 7));
        List<String> keys = names(written);
        List<String> expected = new ArrayList<>(List.of("gansweep_version", "git_commit", "config_hash", "seed", "djl_version",
                "engine", "engine_version", "device", "libtorch", "intra_op_threads", "interop_threads", "cpu_code_paths"));
        if (Numerics.current() != null) {
            expected.add("numerics");
        }
        expected.addAll(List.of("mkl_intel_paths", "cpu_model", "java", "os", "cpus", "host"));
        if (System.getenv("SLURM_ARRAY_JOB_ID") != null || System.getenv("SLURM_JOB_ID") != null) {
            expected.addAll(List.of("slurm_job_id", "slurm_array_task_id", "slurm_cpus_per_task"));
        }
        expected.add("finished_at");
        assertEquals(expected, keys);
        assertEquals(7, written.get("seed").asLong());
        assertEquals(List.of("folder", "source", "flavor", "deterministic_algorithms", "CUBLAS_WORKSPACE_CONFIG"), names(written.get("libtorch")));
    }

    @Test
    void theFewKeysOfASlurmTaskWithoutResultAndOfUncollectedProvenance() throws Exception {
        assertEquals("""
                {
                  "slurm_job_id" : "4242",
                  "slurm_array_task_id" : "3",
                  "recorded_by" : "the gansweep run that followed the job array"
                }""", Yaml.json().writeValueAsString(
                TrialProvenance.slurmTask("4242", "3", "the gansweep run that followed the job array")));
        assertEquals("""
                {
                  "config_hash" : "9391c232aa00bb11",
                  "seed" : 5,
                  "error" : "java.lang.IllegalStateException: no engine"
                }""", Yaml.json().writeValueAsString(
                TrialProvenance.uncollected("9391c232aa00bb11", 5, "java.lang.IllegalStateException: no engine")));
    }

    @Test
    void aFirstReleaseSummaryWithoutTheLaterKeysStillReads() throws Exception {
        // Before libtorch, cpu_code_paths, numerics, mkl_intel_paths, cpu_model and the Slurm keys; with mkl_cbwr, since removed.
        String first = """
                {"trial": "gan_s1-9391c232", "status": "completed", "metrics": {}, "seed": 1, "steps": 10, "seconds": 1.0,
                 "setting": {}, "config_hash": "9391c232aa00bb11",
                 "provenance": {"gansweep_version": "dev", "git_commit": "abc", "config_hash": "9391c232aa00bb11", "seed": 1,
                   "djl_version": "0.31.0", "engine": "PyTorch", "engine_version": "2.5.1", "device": "cpu()",
                   "intra_op_threads": "default", "interop_threads": "default", "mkl_cbwr": "AVX2,STRICT",
                   "java": "OpenJDK", "os": "Linux", "cpus": 4, "host": "h", "finished_at": "2024-05-01T00:00:00Z"}}""";
        Summary s = Yaml.json().readValue(first, Summary.class);
        TrialProvenance p = s.provenance();
        assertEquals("2.5.1", p.engineVersion());
        assertNull(p.libtorch());
        assertNull(p.numerics());
        assertNull(p.cpuCodePaths());
        assertNull(p.slurmJobId());
        assertEquals("unknown", s.codePath());
        // Written again, the unknown key is left out and nothing else changes.
        JsonNode again = Yaml.json().valueToTree(p);
        assertNull(again.get("mkl_cbwr"));
        assertEquals(15, again.size());
    }

    @Test
    void aResultFromBeforeGansweepChosePathsTakesItsPathFromTheVariables() throws Exception {
        TrialProvenance p = Yaml.json().readValue("""
                {"cpu_code_paths": {"MKL_CBWR": "AVX2,STRICT", "ONEDNN_MAX_CPU_ISA": "AVX2", "ATEN_CPU_CAPABILITY": "avx2"}}""",
                TrialProvenance.class);
        assertEquals("avx2/onednn", p.codePath());
        TrialProvenance custom = Yaml.json().readValue("""
                {"cpu_code_paths": {"MKL_CBWR": "unset", "ONEDNN_MAX_CPU_ISA": "AVX2", "ATEN_CPU_CAPABILITY": "avx2"}}""",
                TrialProvenance.class);
        assertEquals("custom {MKL_CBWR=unset, ONEDNN_MAX_CPU_ISA=AVX2, ATEN_CPU_CAPABILITY=avx2}/onednn", custom.codePath());
        assertEquals("unknown", new Summary("t", null, Map.of(), 1, 0, 0, null, null, Map.of(), "h", null, null).codePath());
    }

    @Test
    void aProvenanceValueOfAnotherTypeDropsTheProvenanceNotTheResult(@TempDir Path dir) throws Exception {
        // Provenance only describes how a result was made: a hand-edited "seed": "one" must not send a finished
        // trial back to be run again.
        Files.writeString(dir.resolve(TrialFolder.SUMMARY), """
                {"trial": "gan_s1-9391c232", "status": "completed", "metrics": {"d_loss": 0.5}, "seed": 1, "steps": 10,
                 "seconds": 1.0, "setting": {}, "config_hash": "9391c232aa00bb11",
                 "provenance": {"seed": "one", "engine_version": "2.7.1"}}""");
        Summary s = new TrialFolder(dir).readSummary();
        assertEquals(0.5, s.metrics().get("d_loss"));
        assertNull(s.provenance());
        assertEquals("unknown", s.codePath());
    }

    @Test
    void unknownKeysAreIgnoredAtEveryLevel() throws Exception {
        TrialProvenance p = Yaml.json().readValue("""
                {"engine_version": "2.7.1", "gpu": "none", "future": {"nested": [1, 2]},
                 "libtorch": {"folder": "/x", "bridge": "cu128"},
                 "numerics": {"path": "avx512/onednn", "cache": "hit", "self_test": {"passed": false, "seconds": 3.5}}}""",
                TrialProvenance.class);
        assertEquals("2.7.1", p.engineVersion());
        assertEquals("/x", p.libtorch().folder());
        assertEquals("avx512/onednn", p.codePath());
        assertEquals(false, p.numerics().selfTest().passed());
        // Nothing reads a summary to write it again; were one written, the unknown keys would be left out.
        JsonNode again = Yaml.json().valueToTree(p);
        assertEquals(List.of("engine_version", "libtorch", "numerics"), names(again));
        assertFalse(again.get("libtorch").has("bridge"));
        assertFalse(again.get("numerics").has("cache"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
