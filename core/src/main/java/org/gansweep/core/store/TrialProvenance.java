package org.gansweep.core.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import org.gansweep.core.numerics.IsaLevel;
import org.gansweep.core.numerics.LibtorchProvenance;
import org.gansweep.core.numerics.NumericsProvenance;

/**
 * How a trial's result was produced ({@code provenance} in its summary.json; {@link Provenance#collect} gathers
 * it): code version, libraries, machine and settings. The fields are written in this order, and a null field is
 * left out, so the Slurm keys appear only on Slurm.
 *
 * <p>As in Tribuo's typed provenance, old files still read when fields are added: a key a file lacks (written before
 * the field existed) reads as null, and a key this version does not know (mkl_cbwr, written before cpu_code_paths
 * replaced it) is ignored. Nothing reads a summary to write it again, so nothing is lost by ignoring it.
 *
 * @param cpuCodePaths the instruction-set variables as the libraries read them ("unset" for those not set)
 * @param numerics the verified code paths the trial was computed on (absent before gansweep chose paths itself)
 * @param mklIntelPaths whether MKL was made to take its Intel paths on this processor ({@code MklIntelPaths})
 * @param cpuModel the processor's model name and its widest vector extension
 * @param slurmJobId on a cluster, the Slurm job (array) that produced the result
 * @param recordedBy for a Slurm task that ended without a result: who recorded it as failed
 * @param error why the provenance could not be collected (then only the config hash and seed are recorded)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrialProvenance(
        String gansweepVersion,
        String gitCommit,
        String configHash,
        Long seed,
        String djlVersion,
        String engine,
        String engineVersion,
        String device,
        LibtorchProvenance libtorch,
        String intraOpThreads,
        String interopThreads,
        Map<String, String> cpuCodePaths,
        NumericsProvenance numerics,
        String mklIntelPaths,
        String cpuModel,
        String java,
        String os,
        Integer cpus,
        String host,
        String slurmJobId,
        String slurmArrayTaskId,
        String slurmCpusPerTask,
        String recordedBy,
        String error,
        String finishedAt) {

    /** A Slurm task that ended without a result, recorded by {@code who}: only the job and task are known. */
    public static TrialProvenance slurmTask(String jobId, String taskId, String who) {
        return new TrialProvenance(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, jobId, taskId, null, who, null, null);
    }

    /** A trial whose provenance could not be collected: its config hash and seed, and why. */
    public static TrialProvenance uncollected(String configHash, long seed, String error) {
        return new TrialProvenance(null, null, configHash, seed, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, error, null);
    }

    /**
     * The code path the result was computed on: {@code numerics.path}, or for results made before gansweep chose
     * paths itself, the level its {@code cpu_code_paths} name with oneDNN convolutions ("unknown" when neither is
     * there).
     */
    public String codePath() {
        if (numerics != null && numerics.path() != null) {
            return numerics.path();
        }
        if (cpuCodePaths != null) {
            IsaLevel level = IsaLevel.of(cpuCodePaths);
            return (level != null ? level.id() : "custom " + cpuCodePaths) + "/onednn";
        }
        return "unknown";
    }
}
