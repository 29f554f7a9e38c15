package org.gansweep.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code-path model: levels from variables, the probe's verdict arithmetic, the trace parser. */
class CodePathsTest {
    @Test
    void levelsAreReadBackFromTheirVariablesAndOnlyFromAllThree() {
        assertEquals(IsaLevel.AVX2, IsaLevel.of(Map.of("MKL_CBWR", "AVX2,STRICT", "ONEDNN_MAX_CPU_ISA", "AVX2", "ATEN_CPU_CAPABILITY", "avx2")));
        assertEquals(IsaLevel.AVX512, IsaLevel.of(IsaLevel.AVX512.env()));
        assertNull(IsaLevel.of(Map.of("MKL_CBWR", "AVX2,STRICT", "ONEDNN_MAX_CPU_ISA", "ALL", "ATEN_CPU_CAPABILITY", "avx2")));
        assertNull(IsaLevel.of(Map.of("ONEDNN_MAX_CPU_ISA", "AVX2")));
        assertEquals(List.of("MKL_CBWR", "ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY"), List.copyOf(IsaLevel.AVX512.env().keySet()));
        assertTrue(IsaLevel.AVX512.runsOn(Set.of("avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq")));
        assertFalse(IsaLevel.AVX512.runsOn(Set.of("avx2", "fma", "avx512f")));
        assertFalse(IsaLevel.AVX2.runsOn(Set.of("avx", "sse4_2")));
        assertEquals("avx512/aten", CodePath.of(IsaLevel.AVX512, ConvolutionBackend.ATEN).name());
        assertEquals("custom/onednn", new CodePath(null, Map.of(), ConvolutionBackend.ONEDNN).name());
    }

    @Test
    void theTraceNamesConvolutionImplementationsAndSkipsReorders() {
        assertEquals("brgconv_strided:avx2 backward_data", KernelSelfTest.implementation(
                "onednn_verbose,v1,primitive,exec,cpu,convolution,brgconv_strided:avx2,backward_data,src:f32:a:blocked:acdb::f0,,alg:convolution_direct,mb16_ic1oc4_ih28oh14kh4sh2dh0ph1_iw28ow14kw4sw2dw0pw1,0.05"));
        assertNull(KernelSelfTest.implementation("onednn_verbose,v1,primitive,exec,cpu,reorder,jit:uni,undef,src:f32::blocked:abcd::f0,,,64x8x8x8,0.03"));
        assertNull(KernelSelfTest.implementation("onednn_verbose,v1,info,cpu,isa:Intel AVX2"));
    }

    @Test
    void aFamilyPassesOnlyWhenFiniteTheSameOnBothFillsAndCloseToTheReference() {
        Map<String, double[]> ref = Map.of("y", new double[] {1.0, -2.0, 4.0});
        // 4e-5 off at element 2 of a largest magnitude 4: 1e-5 relative, inside 1e-4.
        String ok = KernelProbe.compare(Map.of("y", new double[] {1.0, -2.0, 4.00004}), Map.of("y", new double[] {1.0, -2.0, 4.00004}), ref, 1e-4);
        assertTrue(ok.startsWith("max error 4.0e-05 of 4.00"), ok);
        String nan = KernelProbe.compare(Map.of("y", new double[] {1.0, Double.NaN, 4.0}), Map.of("y", new double[] {1.0, 0.0, 4.0}), ref, 1e-4);
        assertTrue(nan.contains("element 1") && nan.contains("has not written"), nan);
        String differs = KernelProbe.compare(Map.of("y", new double[] {1.0, -2.0, 4.0}), Map.of("y", new double[] {1.0, -2.0000001, 4.0}), ref, 1e-4);
        assertTrue(differs.contains("zeroed memory"), differs);
        String far = KernelProbe.compare(Map.of("y", new double[] {1.0, -2.001, 4.0}), Map.of("y", new double[] {1.0, -2.001, 4.0}), ref, 1e-4);
        assertTrue(far.contains("float64 reference -2.0"), far);
        String missing = KernelProbe.compare(Map.of(), Map.of(), ref, 1e-4);
        assertTrue(missing.contains("no output"), missing);
    }

    @Test
    void aReportPassesABackendOnlyWhenEveryFamilyItUsesPassed() {
        SelfTestReport r = new SelfTestReport("k", "avx512", Map.of(), "cpu", "libs", List.of(
                new FamilyResult("conv-forward", "onednn", false, "onednn jit:avx512_core forward_training", "NaN", 1),
                new FamilyResult("conv-forward", "aten", true, "aten", "max error 0", 1),
                new FamilyResult("adam", "any", true, "aten", "max error 0", 1)), "now", 1.0);
        assertFalse(r.passes(ConvolutionBackend.ONEDNN));
        assertTrue(r.passes(ConvolutionBackend.ATEN));
        assertEquals(List.of("conv-forward (onednn jit:avx512_core forward_training): NaN"), r.failures(ConvolutionBackend.ONEDNN));
        assertFalse(new SelfTestReport("k", "avx2", Map.of(), "cpu", "libs", List.of(), "now", 1.0).passes(ConvolutionBackend.ATEN));
    }
}
