package org.gansweep.cli.slurm;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansweep.core.config.Yaml;
import org.gansweep.core.store.AtomicFiles;

/**
 * The job array last submitted for an experiment, {@code EXPERIMENT/slurm/job.json}: its id and which trial each
 * array task trains (task i trains {@code trials.get(i)}). A later {@code run} reads it to follow the job instead
 * of submitting the same trials again, and to record why a task that left no result ended.
 *
 * @param jobId Slurm's job id
 * @param trials the trial id of each array task, by task id
 * @param script the batch script submitted (in {@code EXPERIMENT/slurm/})
 * @param submittedAt when (UTC, ISO 8601)
 */
public record SlurmJob(String jobId, List<String> trials, String script, String submittedAt) {
    static final String FOLDER = "slurm";
    static final String FILE = "job.json";

    static Path file(Path experimentDir) {
        return experimentDir.resolve(FOLDER).resolve(FILE);
    }

    /** The experiment's last job, or null when none was submitted or the record cannot be read. */
    static SlurmJob read(Path experimentDir) {
        Path f = file(experimentDir);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            SlurmJob j = Yaml.json().readValue(f.toFile(), SlurmJob.class);
            return j.jobId() == null || j.trials() == null ? null : j;
        } catch (IOException e) {
            return null;
        }
    }

    void write(Path experimentDir) throws IOException {
        AtomicFiles.write(file(experimentDir), Yaml.json().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
    }
}
