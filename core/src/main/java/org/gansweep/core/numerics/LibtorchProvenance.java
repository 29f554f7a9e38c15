package org.gansweep.core.numerics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The libtorch a trial was computed with, as its provenance records it ({@code libtorch} in summary.json;
 * {@link LocalLibtorch#loaded()}). Unknown keys are ignored and missing ones read as null.
 *
 * @param folder the loaded library's folder, or "not loaded"
 * @param source {@value LocalLibtorch#PATH} for a local library, else the bundled jar
 * @param flavor the JNI bridge's flavor ({@code cpu}, {@code cu128})
 * @param deterministicAlgorithms whether PyTorch's deterministic algorithms were on
 * @param cublasWorkspace cuBLAS's workspace setting ({@value LocalLibtorch#CUBLAS_WORKSPACE})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LibtorchProvenance(
        String folder,
        String source,
        String flavor,
        Boolean deterministicAlgorithms,
        @JsonProperty(LocalLibtorch.CUBLAS_WORKSPACE) String cublasWorkspace) {}
