package org.gansweep.core.numerics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An instruction-set ceiling for every math library inside libtorch, as the environment variables each reads once
 * when it first dispatches: MKL (matrix products, {@code MKL_CBWR}), oneDNN (convolutions,
 * {@code ONEDNN_MAX_CPU_ISA}) and ATen's own kernels (element-wise ops, batch norm, the fused Adam,
 * {@code ATEN_CPU_CAPABILITY}). The same ceiling and processor type give the same bytes; two ceilings give
 * different numbers, so the level in use goes into provenance.
 */
public enum IsaLevel {
    /** AVX-512 (foundation, byte/word, vector length, dword/qword): the fastest where the self-test passes it. */
    AVX512("avx512", "AVX512,STRICT", "AVX512_CORE", "avx512", List.of("avx512f", "avx512bw", "avx512vl", "avx512dq")),
    /** AVX2 with FMA: the portable level, the same numbers on every x86-64 processor generation that has it. */
    AVX2("avx2", "AVX2,STRICT", "AVX2", "avx2", List.of("avx2", "fma"));

    /** The variables, in the order they are shown. */
    public static final List<String> VARIABLES = List.of("MKL_CBWR", "ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY");

    private final String id;
    private final Map<String, String> env;
    private final List<String> needs;

    IsaLevel(String id, String mkl, String onednn, String aten, List<String> needs) {
        this.id = id;
        Map<String, String> e = new LinkedHashMap<>();
        e.put("MKL_CBWR", mkl);
        e.put("ONEDNN_MAX_CPU_ISA", onednn);
        e.put("ATEN_CPU_CAPABILITY", aten);
        this.env = Map.copyOf(e);
        this.needs = needs;
    }

    public String id() {
        return id;
    }

    /** The variables that select this level, in {@link #VARIABLES} order. */
    public Map<String, String> env() {
        Map<String, String> ordered = new LinkedHashMap<>();
        VARIABLES.forEach(v -> ordered.put(v, env.get(v)));
        return ordered;
    }

    /** Whether a processor with these feature flags (as /proc/cpuinfo spells them) can run this level. */
    public boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(needs);
    }

    /** The level these variable values select, or null for any other combination (a user's own setting). */
    public static IsaLevel of(Map<String, String> values) {
        for (IsaLevel l : values()) {
            if (VARIABLES.stream().allMatch(v -> l.env.get(v).equalsIgnoreCase(values.getOrDefault(v, "")))) {
                return l;
            }
        }
        return null;
    }

    public static IsaLevel parse(String id) {
        for (IsaLevel l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no instruction-set level " + id);
    }
}
