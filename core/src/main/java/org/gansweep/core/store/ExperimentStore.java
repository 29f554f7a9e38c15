package org.gansweep.core.store;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gansweep.core.config.Yaml;

/**
 * One experiment's folder, {@code DIR/EXPERIMENT/}, held under a lock so that two sweeps never write it
 * at once. Layout: {@code grid.yaml}, {@code trials/TRIAL_ID/{config.yaml, metrics.csv, samples/,
 * summary.json}}, {@code report/}, {@code set-aside/} (damaged or foreign files moved out of trial folders).
 * Each trial folder is owned by {@link TrialFolder}; finished trials are never rewritten.
 */
public final class ExperimentStore implements AutoCloseable {

    /** The folder of trial folders, each owned by {@link TrialFolder}. */
    public static final String TRIALS = "trials";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private ExperimentStore(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating) the folder and takes its lock; fails with a clear message if another sweep holds it. */
    public static ExperimentStore open(Path dir) throws StoreException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException(dir + " is a file, not an experiment folder; give another --out folder or move the file away");
        }
        if (Files.exists(dir.resolve(TRIALS)) && !Files.isDirectory(dir.resolve(TRIALS))) {
            throw new StoreException(dir.resolve(TRIALS) + " is a file, not the folder gansweep keeps trials in; move it away"
                    + " (gansweep deletes nothing it did not write) or choose another --out folder");
        }
        try {
            Files.createDirectories(dir.resolve(TRIALS));
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot create " + dir + ": permission denied; choose another --out folder");
        } catch (FileSystemException e) {
            throw new StoreException("cannot create " + dir + ": " + e.getReason() + "; choose another --out folder");
        } catch (IOException e) {
            throw new StoreException("cannot create " + dir + ": " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("cannot write to " + dir + ": permission denied; choose another --out folder");
        }
        Path lockFile = dir.resolve(".lock");
        try {
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                throw new StoreException("another gansweep sweep is writing to " + dir + " (it holds " + lockFile
                        + "); wait for it to finish or use another --out folder");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new ExperimentStore(dir, ch, lock);
        } catch (OverlappingFileLockException e) {
            throw new StoreException("another gansweep sweep is writing to " + dir + " (in this process); wait for it to finish or use another --out folder");
        } catch (IOException e) {
            throw new StoreException("cannot lock " + lockFile + ": " + e.getMessage());
        }
    }

    public Path dir() {
        return dir;
    }

    public Path trialDir(String trialId) {
        return dir.resolve(TRIALS).resolve(trialId);
    }

    /** What a run of the sweep was: the grid file and its --set overrides. The report expands the last one. */
    public record SweepRecord(String grid, List<String> overrides, String startedAt, String gansweepVersion) {}

    public static final String SWEEP = "sweep.json";

    /**
     * Stores the grid as given and the run's overrides ({@code sweep.json}, with every run appended to
     * {@code sweeps.jsonl}). If a different grid was stored before, it is kept as {@code grid.TIMESTAMP.yaml}:
     * results made with it stay explainable.
     */
    public void saveSweep(String text, String source, List<String> overrides) throws IOException {
        saveGrid(text);
        SweepRecord r = new SweepRecord(source, overrides, Instant.now().toString(), Provenance.version());
        var json = Yaml.json();
        AtomicFiles.write(dir.resolve(SWEEP), json.writeValueAsBytes(r));
        Files.writeString(dir.resolve("sweeps.jsonl"), json.writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(r) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The overrides of the last run stored in {@code experimentDir}: none when no sweep.json was written; an
     * IOException when one is there but cannot be read, so that nobody expands the grid with the wrong ones.
     */
    public static List<String> readOverrides(Path experimentDir) throws IOException {
        Path f = experimentDir.resolve(SWEEP);
        if (!Files.exists(f)) {
            return List.of();
        }
        SweepRecord r = Yaml.json().readValue(f.toFile(), SweepRecord.class);
        if (r == null) {
            throw new IOException("it is empty");
        }
        return r.overrides() == null ? List.of() : r.overrides();
    }

    private void saveGrid(String text) throws IOException {
        Path grid = dir.resolve("grid.yaml");
        if (Files.exists(grid)) {
            String old = Files.readString(grid);
            if (old.equals(text)) {
                return;
            }
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Files.move(grid, dir.resolve("grid." + stamp + ".yaml"));
        }
        AtomicFiles.write(grid, text);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    /** The folder cannot be used; the message says why and what to do. */
    public static final class StoreException extends Exception {
        public StoreException(String message) {
            super(message);
        }
    }
}
