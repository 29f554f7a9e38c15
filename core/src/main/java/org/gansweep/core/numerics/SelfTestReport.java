package org.gansweep.core.numerics;

import java.util.List;
import java.util.Map;

/**
 * The kernel self-test's verdicts for one instruction-set level on one machine, as cached under
 * {@code CACHE/selftest/KEY.json}.
 *
 * @param key the cache key: processor model and flags, library versions, the level's variables, threads
 * @param level the level's id ({@code avx512}, {@code avx2}) or {@code custom}
 * @param env the variables the probe ran with
 * @param machine the processor as /proc/cpuinfo names it
 * @param libraries the libtorch, JNI and DJL versions
 * @param results every family on every convolution backend
 * @param checkedAt when the probe ran (ISO-8601)
 * @param seconds how long it took
 */
public record SelfTestReport(String key, String level, Map<String, String> env, String machine, String libraries,
        List<FamilyResult> results, String checkedAt, double seconds) {
    public SelfTestReport {
        env = Map.copyOf(env);
        results = List.copyOf(results);
    }

    /** Whether every family passed with this convolution backend (and every family that uses none). */
    public boolean passes(ConvolutionBackend backend) {
        return !results.isEmpty() && results.stream()
                .filter(r -> r.convolutions().equals("any") || r.convolutions().equals(backend.id()))
                .allMatch(FamilyResult::passed);
    }

    /** The families that failed with this backend, as "family: why". */
    public List<String> failures(ConvolutionBackend backend) {
        return results.stream()
                .filter(r -> r.convolutions().equals("any") || r.convolutions().equals(backend.id()))
                .filter(r -> !r.passed())
                .map(r -> r.family() + " (" + r.library() + "): " + r.detail())
                .toList();
    }
}
