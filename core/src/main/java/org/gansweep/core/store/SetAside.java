package org.gansweep.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Moving things out of a trial folder without losing them: a damaged folder as a whole, and before a retry
 * everything in it that gansweep did not write (by name and type), into {@code EXPERIMENT/set-aside/}.
 * The only files deleted are gansweep's own, from an earlier attempt that the retry replaces.
 */
final class SetAside {
    private SetAside() {}

    /**
     * Moves the whole folder to {@code EXPERIMENT/set-aside/TRIAL_ID.TIMESTAMP/} with a note of why, and returns
     * where it went. Nothing is deleted.
     */
    static Path wholeFolder(TrialFolder folder, String why) throws IOException {
        Path dir = folder.dir();
        Path experiment = dir.getParent().getParent();
        Path target = freshAside(experiment, folder.id());
        Files.createDirectories(target.getParent());
        Files.move(dir, target);
        if (Files.isDirectory(target)) {
            AtomicFiles.write(target.resolve("SET-ASIDE.txt"), "set aside by gansweep at " + LocalDateTime.now() + ": " + why + "\n");
        }
        return target;
    }

    /**
     * Moves a trial's checkpoint folders (and what the interrupted run recorded after step 0: metrics.csv and the
     * samples, which a restart from step 0 writes again) to {@code EXPERIMENT/set-aside/TRIAL_ID.TIMESTAMP/} with a note
     * of why; returns where they went. Nothing is deleted.
     */
    static Path checkpoint(TrialFolder folder, String why) throws IOException {
        Path dir = folder.dir();
        Path target = freshAside(dir.getParent().getParent(), folder.id());
        Files.createDirectories(target);
        for (String name : List.of(TrialFolder.CHECKPOINT, TrialFolder.CHECKPOINT + ".new", TrialFolder.METRICS, TrialFolder.SAMPLES)) {
            Path p = dir.resolve(name);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, target.resolve(name));
            }
        }
        AtomicFiles.write(target.resolve("SET-ASIDE.txt"), "set aside by gansweep at " + LocalDateTime.now() + ": " + why + "\n");
        return target;
    }

    /**
     * Before a failed or interrupted trial runs again: what an earlier attempt wrote is replaced, so it goes;
     * anything else there (a file gansweep does not write, a folder where it writes a file) is moved aside,
     * never deleted. With a checkpoint, the metrics and samples stay: the trial resumes and trims them.
     */
    static void clearForRetry(TrialFolder folder) throws IOException {
        Path dir = folder.dir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        boolean resumable = Files.exists(folder.checkpoint()) || Files.exists(dir.resolve(TrialFolder.CHECKPOINT + ".new"));
        Set<String> keep = resumable
                ? Set.of(TrialFolder.CONFIG, TrialFolder.IDENTITY, TrialFolder.CHECKPOINT, TrialFolder.CHECKPOINT + ".new", TrialFolder.METRICS, TrialFolder.SAMPLES)
                : Set.of(TrialFolder.CONFIG, TrialFolder.IDENTITY);
        List<Path> top;
        try (Stream<Path> list = Files.list(dir)) {
            top = list.sorted().toList();
        }
        Aside aside = new Aside(dir.getParent().getParent(), folder.id());
        for (Path p : top) {
            String name = p.getFileName().toString();
            boolean ownFile = OWN_FILES.contains(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            boolean ownDir = OWN_DIRS.contains(name) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (keep.contains(name) && (ownFile || ownDir)) {
                if (name.equals(TrialFolder.SAMPLES)) {
                    moveForeign(p, aside, TrialFolder.SAMPLES + "/");
                }
                continue;
            }
            if (ownFile) {
                Files.delete(p);
            } else if (ownDir) {
                moveForeign(p, aside, name + "/");
                deleteOwnTree(p);
            } else {
                Files.move(p, aside.dir().resolve(name));
            }
        }
    }

    /** gansweep's own files at the top of a trial folder, and its own folders. */
    private static final Set<String> OWN_FILES = Set.of(TrialFolder.SUMMARY, TrialFolder.CONFIG, TrialFolder.IDENTITY, TrialFolder.METRICS, TrialFolder.WORKER_LOG);
    private static final Set<String> OWN_DIRS = Set.of(TrialFolder.SAMPLES, TrialFolder.CHECKPOINT, TrialFolder.CHECKPOINT + ".new");
    /** What gansweep writes inside samples/ and checkpoint folders. */
    private static final Pattern OWN_INSIDE = Pattern.compile(
            "(decision_)?step_\\d{6}\\.(csv|png)|grid_labels\\.csv|(generator|discriminator)\\.(params|optimizer)|state\\.json|\\.[^/]*\\.tmp");

    /** The set-aside folder of this trial, made on first use. */
    private static final class Aside {
        private final Path experiment;
        private final String id;
        private Path dir;

        Aside(Path experiment, String id) {
            this.experiment = experiment;
            this.id = id;
        }

        Path dir() throws IOException {
            if (dir == null) {
                dir = freshAside(experiment, id);
                Files.createDirectories(dir);
            }
            return dir;
        }
    }

    /** Moves whatever in {@code folder} gansweep did not write there to the set-aside folder, under {@code prefix}. */
    private static void moveForeign(Path folder, Aside aside, String prefix) throws IOException {
        List<Path> inside;
        try (Stream<Path> s = Files.list(folder)) {
            inside = s.sorted().toList();
        }
        for (Path f : inside) {
            String n = f.getFileName().toString();
            if (!(OWN_INSIDE.matcher(n).matches() && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))) {
                Path target = aside.dir().resolve(prefix + n);
                Files.createDirectories(target.getParent());
                Files.move(f, target);
            }
        }
    }

    /** Deletes a folder of gansweep's own files (foreign ones were moved out first). */
    private static void deleteOwnTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static Path freshAside(Path experiment, String id) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path base = experiment.resolve(TrialFolder.SET_ASIDE).resolve(id + "." + stamp);
        Path target = base;
        for (int i = 2; Files.exists(target); i++) {
            target = Path.of(base + "-" + i);
        }
        return target;
    }

}
