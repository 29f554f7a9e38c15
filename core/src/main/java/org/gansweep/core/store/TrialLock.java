package org.gansweep.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lock one process holds while it trains one trial: {@code EXPERIMENT/locks/TRIAL_ID.lock}. Many Slurm tasks
 * write one experiment folder at once, so they lock trials, never the whole experiment; a sweep started beside
 * them leaves a locked trial alone. The lock file lives outside the trial folder, so clearing a failed attempt
 * never touches it. The lock is the operating system's (fcntl), so it ends with the process however it ends,
 * and a file left behind by a killed task locks nothing.
 */
public final class TrialLock implements AutoCloseable {
    /** The folder of trial locks, beside {@code trials/}. */
    public static final String LOCKS = "locks";

    private final FileChannel channel;
    private final FileLock lock;

    /** For a folder outside an experiment's {@code trials/} (reproduce's private copies): nothing to lock. */
    private static final TrialLock NONE = new TrialLock(null, null);

    private TrialLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a trial folder {@code EXPERIMENT/trials/TRIAL_ID}. */
    static Path file(Path trialDir) {
        Path abs = trialDir.toAbsolutePath().normalize();
        return abs.getParent().getParent().resolve(LOCKS).resolve(abs.getFileName() + ".lock");
    }

    /** Whether the folder is a trial of an experiment ({@code EXPERIMENT/trials/ID}), where trials are locked. */
    static boolean inExperiment(Path trialDir) {
        Path parent = trialDir.toAbsolutePath().normalize().getParent();
        return parent != null && parent.getParent() != null && parent.getFileName().toString().equals(ExperimentStore.TRIALS);
    }

    /**
     * Takes the trial's lock, or returns empty when another process (or this one) holds it. A folder outside an
     * experiment's {@code trials/} (a reproduction's new folder, given with --into anywhere) is private to the
     * command that made it: it gets a lock that locks nothing, and no file is written beside it.
     */
    public static Optional<TrialLock> tryAcquire(Path trialDir) throws IOException {
        if (!inExperiment(trialDir)) {
            return Optional.of(NONE);
        }
        Path f = file(trialDir);
        Files.createDirectories(f.getParent());
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new TrialLock(ch, lock));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Whether some process holds the trial's lock now (it takes and drops the lock to find out). */
    public static boolean heldElsewhere(Path trialDir) throws IOException {
        if (!inExperiment(trialDir)) {
            return false;
        }
        Optional<TrialLock> l = tryAcquire(trialDir);
        l.ifPresent(TrialLock::close);
        return l.isEmpty();
    }

    /** Who holds it, as the lock file records: pid, host, and the Slurm task when there is one. */
    public static String describeHolder(Path trialDir) {
        if (!inExperiment(trialDir)) {
            return "nobody";
        }
        try {
            return Files.readString(file(trialDir), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The sweep process this one works for, when it is a worker ({@link #recordSweepParent}); 0 otherwise. */
    private static volatile long sweepParent;

    /**
     * Marks this process as a worker of the sweep process {@code pid}: its locks say so, so that a later sweep can
     * tell a worker whose sweep was killed (an orphan about to stop) from a live process that holds the trial.
     */
    public static void recordSweepParent(long pid) {
        sweepParent = pid;
    }

    private static final Pattern HOLDER =
            Pattern.compile("pid (\\d+) on (\\S+?),? (?:worker of sweep pid (\\d+))?.*", Pattern.DOTALL);

    /**
     * The process holding a trial's lock when it is a worker on this host whose sweep process is gone: it stops
     * itself (it watches its sweep), so a new sweep waits for it rather than leave its trial out or race it.
     */
    public static Optional<ProcessHandle> orphanHolder(Path trialDir) {
        Matcher m = HOLDER.matcher(describeHolder(trialDir) + " ");
        if (!m.matches() || m.group(3) == null || !m.group(2).equals(Provenance.host())) {
            return Optional.empty();
        }
        boolean sweepAlive = ProcessHandle.of(Long.parseLong(m.group(3))).map(ProcessHandle::isAlive).orElse(false);
        return sweepAlive ? Optional.empty() : ProcessHandle.of(Long.parseLong(m.group(1))).filter(ProcessHandle::isAlive);
    }

    private static String holder() {
        StringBuilder sb = new StringBuilder("pid ").append(ProcessHandle.current().pid());
        sb.append(" on ").append(Provenance.host());
        if (sweepParent != 0) {
            sb.append(", worker of sweep pid ").append(sweepParent);
        }
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        if (job != null) {
            sb.append(", Slurm task ").append(job).append('_').append(System.getenv("SLURM_ARRAY_TASK_ID"));
        }
        return sb.append('\n').toString();
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // The channel's close below releases it too.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to keep: the operating system drops the lock with the process anyway.
        }
    }
}
