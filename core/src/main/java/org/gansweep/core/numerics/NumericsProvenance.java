package org.gansweep.core.numerics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The code paths a trial was computed on, as its provenance records them ({@code numerics} in summary.json).
 * Unknown keys are ignored and missing ones read as null, so files written by other versions still read.
 *
 * @param path the path's name ({@code avx512/onednn}): what {@code compare} and the report tell results apart by
 * @param mode the numerics asked for ({@code fastest}, {@code portable})
 * @param variables the instruction-set variables the libraries read
 * @param convolutions the convolution backend
 * @param selfTest the kernel self-test's verdict for the path
 * @param note what was passed over and why; absent when nothing was
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NumericsProvenance(
        String path,
        String mode,
        Map<String, String> variables,
        String convolutions,
        SelfTest selfTest,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /**
     * The self-test behind the path.
     *
     * @param key the self-test cache's key
     * @param checkedAt when the probe ran (ISO-8601)
     * @param passed whether every family passed on the path
     * @param libraries "family: library" of each family checked on the path
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SelfTest(String key, String checkedAt, Boolean passed, List<String> libraries) {}
}
